# Framework Desk — production image.
#   docker build -t framework-desk .
#   docker run --rm -p 3000:3000 --env-file .env framework-desk
# The knowledge base is baked in at /app/knowledge; mount your own over it to change answers without a
# rebuild (read-only is fine):  -v "$PWD/knowledge:/app/knowledge:ro"  (then reload: docker kill -s HUP …)
# With no chat token set there is nobody to talk to: the container exits 2 and says so (docker run -it …
# gives the console chat instead). Node 24 LTS; the code needs ^20.19 || >=22.12 (see docs/operations.md).

# --- Stage 1: compile. All dependencies (typescript is a dev one); `npm run build` writes dist/.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# --- Stage 2: production dependencies only.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- Stage 3: runtime — compiled JavaScript, no TypeScript sources, no compiler.
FROM node:24-slim
ENV NODE_ENV=production \
    PORT=3000 \
    KNOWLEDGE_DIR=/app/knowledge
WORKDIR /app
# Owned by root and read-only to the app user: the process cannot rewrite its own code or knowledge.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY knowledge ./knowledge
USER node
EXPOSE 3000
# /healthz answers as soon as the process is alive; node's built-in fetch avoids installing curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM → graceful shutdown (finish in-flight answers, bounded by SHUTDOWN_GRACE_MS); give docker stop
# a longer timeout than that grace period. Node runs as PID 1 directly, so signals reach it.
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=64", "dist/main.js"]
