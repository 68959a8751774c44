module.exports = { ...require('../../jest.preset.js'), displayName: 'diff', rootDir: __dirname };
