FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    LABBOOK_DATA_DIR=/data
WORKDIR /srv/labbook

COPY pyproject.toml README.md ./
COPY app ./app
RUN pip install --no-cache-dir . && useradd --system --home /data labbook && mkdir -p /data && chown labbook /data

USER labbook
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz')"
CMD ["python", "-m", "app", "serve", "--host", "0.0.0.0", "--port", "8080"]
