# newsdesk: a self-hostable image. Build:  docker build -t newsdesk .
# Run (README, "Docker"), or `docker compose up -d` with compose.yaml:
#   docker run -d --name newsdesk -e DISCORD_TOKEN --restart unless-stopped \
#     -v newsdesk-data:/data -v newsdesk-knowledge:/app/knowledge newsdesk
FROM python:3.11-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first, in their own cached layer: editing the bot's code does not reinstall them.
COPY pyproject.toml README.md ./
RUN mkdir bot && touch bot/__init__.py \
    && pip install . \
    && pip uninstall -y newsdesk \
    && rm -rf bot

# The bot itself, its settings and the knowledge files (both can be mounted over).
COPY bot ./bot
COPY bot.yaml ./bot.yaml
COPY knowledge ./knowledge
RUN pip install --no-deps .

# An unprivileged user that owns what the bot writes:
# - /app/knowledge: ingest, the feed poller and approve write drafts and approved files there.
#   A named volume mounted on it starts as a copy of this folder with this ownership; a host
#   folder mounted instead must be given to uid 10001 on the host (README, "Docker").
# - /data: the database. /app/data points to it, so bot.yaml's default database
#   (data/newsdesk.db, relative to /app/bot.yaml) is the volume's file, for the bot and for
#   every `docker exec ... python -m bot` command alike.
RUN useradd --create-home --uid 10001 newsdesk \
    && mkdir -p /data \
    && ln -s /data /app/data \
    && chown -R newsdesk:newsdesk /app/knowledge /data
USER 10001:10001
VOLUME ["/data", "/app/knowledge"]

STOPSIGNAL SIGTERM
CMD ["python", "-m", "bot", "run"]
