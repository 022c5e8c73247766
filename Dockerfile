# The application image: built from this project with the Maven wrapper, run on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app attendance
WORKDIR /app
COPY --from=build /src/target/attendance-routes-*.jar app.jar
USER attendance
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
