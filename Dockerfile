# ParkGraph web UI. Loads the bundled dataset into the configured graph (when it is empty) and serves it.
FROM node:20-bookworm-slim AS frontend
WORKDIR /src/web/frontend
COPY web/frontend/package.json web/frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/frontend/ ./
COPY web/static/ /src/web/static/
RUN npm run build

FROM python:3.11-slim-bookworm
WORKDIR /app
COPY . .
COPY --from=frontend /src/web/static/vendor/ web/static/vendor/
RUN pip install --no-cache-dir . && useradd --create-home parkgraph
USER parkgraph
EXPOSE 5000
CMD ["parkgraph", "serve"]
