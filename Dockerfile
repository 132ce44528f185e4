# The webhook bot for Fly.io and any container platform: docker build -t hoi-dap . && docker run
# -e TELEGRAM_BOT_TOKEN=… -e WEBHOOK_URL=… -e WEBHOOK_SECRET=… -e DATABASE_URL=… -p 8080:8080 hoi-dap
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8080

RUN useradd --create-home --uid 10001 bot
WORKDIR /app

# The lock alone, first, so a code change does not reinstall the dependencies.
COPY requirements.txt ./
RUN pip install -r requirements.txt

# The app runs from this directory (python -m bot); it reads knowledge/ and seeds/ beside bot/.
COPY bot/ bot/
COPY knowledge/ knowledge/
COPY seeds/ seeds/
# Bytecode now: PYTHONDONTWRITEBYTECODE keeps every start from writing it, not from reading it.
RUN python -m compileall -q bot

USER bot
# The parsed KB and its index, built once here into the bot user's cache (bot/cache.py): each
# start then maps the file instead of parsing YAML and indexing.
RUN python -c "from bot.cache import load_core; load_core()"
EXPOSE 8080
CMD ["python", "-m", "bot", "telegram", "--webhook"]
