# Builds the service jar and runs it against the Neo4j server named by NEO4J_URI.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY cypher cypher
COPY graphql graphql
RUN ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 childjourneys
WORKDIR /app
COPY --from=build /src/target/child-journeys-*.jar /app/child-journeys.jar
# Imports (data/imports, data/drop) and the built-in users' passwords are written here.
RUN mkdir -p /app/data /app/secrets && chown childjourneys /app/data /app/secrets
USER childjourneys
EXPOSE 8080
# The service's own heap; Neo4j runs in its own container with its own memory settings.
ENV JAVA_TOOL_OPTIONS="-Xms512m -Xmx2g -Djava.io.tmpdir=/tmp"
ENTRYPOINT ["java", "-jar", "/app/child-journeys.jar"]
