export { TOPICS } from '@fineprint/contracts';
