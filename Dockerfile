# syntax=docker/dockerfile:1
# Fineprint: one image, two commands. The API is the default command; the worker runs
#   node --enable-source-maps dist/apps/worker/main.js
# and the one-shot migration `node node_modules/prisma/build/index.js migrate deploy`.
# docker-compose.yml wires them up (see docs/operations.md).

# ── dependencies: production only; the postinstall step generates the Prisma client
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ── build: the whole toolchain, then `npm run build` into dist/
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true NX_NO_CLOUD=true NX_DAEMON=false
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ── runtime: Node, Debian's Chromium for pages rendered by scripts, no compiler
FROM node:20-bookworm-slim AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-liberation ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=3000 \
  CHROMIUM_PATH=/usr/bin/chromium \
  CATALOG_DIR=/app/catalog
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json prisma.config.ts ./
COPY prisma ./prisma
COPY catalog ./catalog
# the unprivileged user of the official Node image; Chromium keeps its profile under /tmp
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/apps/api/main.js"]
