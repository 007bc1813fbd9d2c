# The API image used by docker-compose.yml (Node 20). Neo4j runs in its own container.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
EXPOSE 4000
CMD ["npm", "start"]
