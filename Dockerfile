# videobot container image: one artifact, the Debian package.
#   docker build -t videobot .
#   docker run --rm -v videobot-data:/var/lib/videobot videobot ask "Сколько всего видео есть в системе?"
# The build stage compiles a Release build and packages it with CPack; the runtime stage installs
# only that .deb, so its dependencies resolve from the Debian archive exactly as on a host.

FROM debian:bookworm-slim AS build
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update -q \
 && apt-get install -y -q --no-install-recommends \
      build-essential cmake ninja-build pkg-config file dpkg-dev help2man \
      libpq-dev libsqlite3-dev libcurl4-openssl-dev zlib1g-dev libssl-dev libicu-dev \
      nlohmann-json3-dev libsimdjson-dev libvalijson-dev libcpp-httplib-dev \
      libcli11-dev libspdlog-dev libfmt-dev libcairo2-dev \
 && apt-get clean && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Only what the build reads, so that editing tests or scripts keeps the compiled layers cached.
COPY CMakeLists.txt CMakePresets.json README.md LICENSE CHANGELOG.md .env.example ./
COPY cmake/ cmake/
COPY schema/ schema/
COPY prompts/ prompts/
COPY migrations/ migrations/
COPY packaging/ packaging/
COPY docs/ docs/
COPY src/ src/
COPY app/ app/
RUN cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
      -DVIDEOBOT_BUILD_TESTS=OFF -DVIDEOBOT_BUILD_BENCH=OFF \
 && cmake --build build-release \
 && cd build-release && cpack -G DEB \
 && mkdir /packages && cp videobot_*.deb /packages/

FROM debian:bookworm-slim
ARG DEBIAN_FRONTEND=noninteractive
COPY --from=build /packages/ /tmp/packages/
# curl only serves the HEALTHCHECK (it shares libcurl with videobot, so it adds little).
RUN cd /tmp/packages \
 && apt-get update -q \
 && apt-get install -y -q --no-install-recommends ./videobot_*.deb curl \
 && apt-get clean && rm -rf /var/lib/apt/lists/* /tmp/packages \
 && videobot --version
# The package's postinst created the system user "videobot" and /var/lib/videobot.
USER videobot
WORKDIR /var/lib/videobot
VOLUME /var/lib/videobot
ENV DATABASE_URL=sqlite:/var/lib/videobot/videobot.db \
    VIDEOBOT_HTTP_ADDR=0.0.0.0:8080
EXPOSE 8080
# Ready when /readyz answers 200: the database answers, data is loaded, and in bot mode the last
# getUpdates succeeded recently. The port follows VIDEOBOT_HTTP_ADDR.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${VIDEOBOT_HTTP_ADDR##*:}/readyz" || exit 1
ENTRYPOINT ["videobot"]
CMD ["bot"]
