# One image recipe for every Flux service: docker build --build-arg SERVICE=auth-service .
FROM eclipse-temurin:21-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY common-events common-events
COPY flux-test-support flux-test-support
COPY flux-security flux-security
COPY flux-persistence flux-persistence
COPY flux-web flux-web
COPY auth-service auth-service
COPY user-service user-service
COPY notification-service notification-service
COPY chat-service chat-service
COPY system-tests system-tests
# Maven reads every module of the reactor; the manifests tests are not built here.
COPY kubernetes-tests/pom.xml kubernetes-tests/pom.xml
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true -pl "${SERVICE}" -am package \
	&& cp "${SERVICE}/target/${SERVICE}.jar" /app.jar

FROM eclipse-temurin:21-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
	&& useradd --system --uid 10001 flux
USER flux
COPY --from=build /app.jar /app/app.jar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
