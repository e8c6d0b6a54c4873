# newsdesk: a self-hostable image. Build:  docker build -t newsdesk .
# Run:  docker run -e DISCORD_TOKEN=... -v newsdesk-data:/data newsdesk
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

# An unprivileged user; the database lives on a volume it owns.
RUN useradd --create-home --uid 10001 newsdesk \
    && mkdir -p /data \
    && chown newsdesk:newsdesk /data
USER newsdesk
VOLUME ["/data"]

STOPSIGNAL SIGTERM
CMD ["python", "-m", "bot", "run", "--db", "/data/newsdesk.db"]
