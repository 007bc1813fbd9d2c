# The API image used by docker-compose.yml (Node 22 LTS). Neo4j runs in its own container.

# The sentence-embedding models come from Maven Central at build time, so the image never
# fetches anything when it runs (README "Search by meaning").
FROM maven:3-eclipse-temurin-17 AS models
WORKDIR /app
COPY models/pom.xml models/pom.xml
RUN mvn -B -q -f models/pom.xml package

FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN ONNXRUNTIME_NODE_INSTALL=skip npm ci
COPY . .
COPY --from=models /app/.models .models
EXPOSE 4000
# node itself, not npm: the process that receives docker stop's SIGTERM is the server.
CMD ["node", "--import", "tsx", "src/main.ts"]
