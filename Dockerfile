# The API image used by docker-compose.yml (Node 22 LTS). Neo4j runs in its own container.
FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
EXPOSE 4000
# node itself, not npm: the process that receives docker stop's SIGTERM is the server.
CMD ["node", "--import", "tsx", "src/main.ts"]
