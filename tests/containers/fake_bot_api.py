#!/usr/bin/env python3
"""A minimal fake Telegram Bot API for the container test.

Serves POST /bot<token>/<method> on 127.0.0.1 (a free port, written to PORT_FILE): getMe,
deleteWebhook, setMyCommands, sendChatAction and sendMessage succeed; the first getUpdates returns
one private message holding QUESTION, later ones return nothing after a short wait. Every call is
appended to LOG_FILE as one JSON line {"method": ..., "body": ...}, so the test can wait for
getUpdates and read the bot's reply.

    fake_bot_api.py PORT_FILE LOG_FILE QUESTION
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port_file, log_file, question = sys.argv[1], sys.argv[2], sys.argv[3]
lock = threading.Lock()
state = {"delivered": False}


def record(method, body):
    with lock, open(log_file, "a", encoding="utf-8") as log:
        log.write(json.dumps({"method": method, "body": body}, ensure_ascii=False) + "\n")


def updates(body):
    with lock:
        if not state["delivered"]:
            state["delivered"] = True
            return [{
                "update_id": 1,
                "message": {
                    "message_id": 1, "date": int(time.time()), "text": question,
                    "chat": {"id": 42, "type": "private"},
                    "from": {"id": 42, "is_bot": False, "first_name": "Test"},
                },
            }]
    time.sleep(min(1.0, float(body.get("timeout", 0) or 0)))
    return []


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b"{}"
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        method = self.path.rsplit("/", 1)[-1]
        record(method, body)
        if method == "getMe":
            result = {"id": 1000, "is_bot": True, "first_name": "videobot", "username": "videobot_test_bot"}
        elif method == "getUpdates":
            result = updates(body)
        elif method == "sendMessage":
            result = {"message_id": 2, "date": int(time.time()), "chat": {"id": body.get("chat_id"), "type": "private"},
                      "text": body.get("text", "")}
        else:
            result = True
        payload = json.dumps({"ok": True, "result": result}).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the bot stopped while a long poll was open

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as out:
    out.write(str(server.server_address[1]))
os.replace(port_file + ".tmp", port_file)
server.serve_forever()
