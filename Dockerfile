# One image per app, built from this repository by your own Docker:
#   docker build --build-arg APP=scim-sink -t scimflow/scim-sink .
# docker-compose.yml builds all of them (APP=scimflow-cli gives the operations CLI).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY . .
RUN ./mvnw -B -ntp -q -DskipTests package \
 && cp scimflow-cli/target/scimflow-exec.jar scimflow-cli/target/scimflow-cli-exec.jar

FROM eclipse-temurin:17-jre
ARG APP
ENV APP=${APP}
# C1 compiler only: on small machines (measured on 2 cores) the C2 compiler and the profiling
# it needs cost more CPU than its faster code saves, even over a 100,000-user sync (see
# benchmarks/README.md). On a larger machine, set JAVA_TOOL_OPTIONS to "" to get C2 back.
ENV JAVA_TOOL_OPTIONS="-XX:TieredStopAtLevel=1"
RUN useradd --system --uid 10001 scimflow && mkdir -p /data && chown scimflow /data
COPY --from=build /src/${APP}/target/${APP}-exec.jar /app/app.jar
USER scimflow
WORKDIR /data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
