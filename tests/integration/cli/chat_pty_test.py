#!/usr/bin/env python3
"""`chat` in a pseudo-terminal: line editing (arrow keys edit the line instead of arriving as
"^[[D" and the word «d»), the bot's commands, and Ctrl-D exiting with status 0.

Usage: chat_pty_test.py PATH_TO_VIDEOBOT. Every wait is for a condition (text on the terminal,
the process exiting) with a generous deadline, never a fixed sleep."""
import os
import pty
import select
import subprocess
import sys
import tempfile
import termios
import time

DEADLINE_SECONDS = int(os.environ.get("CHAT_PTY_DEADLINE_SECONDS", "300"))


class Terminal:
    def __init__(self, argv, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(argv[0], argv, env)
        self.seen = b""

    def wait_for(self, text, after=0):
        """Reads until `text` appears in the output past offset `after`; returns its end."""
        wanted = text.encode()
        deadline = time.monotonic() + DEADLINE_SECONDS
        while True:
            found = self.seen.find(wanted, after)
            if found >= 0:
                return found + len(wanted)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out waiting for {text!r}; terminal so far:\n{self.transcript()}")
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"terminal closed before {text!r}:\n{self.transcript()}")
                self.seen += chunk

    def type(self, text):
        """Types `text` once the line editor reads the terminal: a key typed earlier reaches the
        terminal in cooked mode, where the kernel echoes arrows as "^[[D" and takes Ctrl-D itself."""
        self.wait_for_line_editor()
        os.write(self.fd, text.encode())

    def wait_for_line_editor(self):
        """Waits until the terminal is in the line editor's raw mode (canonical input off)."""
        deadline = time.monotonic() + DEADLINE_SECONDS
        while termios.tcgetattr(self.fd)[3] & termios.ICANON:
            if time.monotonic() > deadline:
                raise AssertionError(f"the line editor never took the terminal:\n{self.transcript()}")
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    self.seen += os.read(self.fd, 4096)
                except OSError:
                    pass

    def transcript(self):
        return self.seen.decode(errors="replace")

    def exit_status(self):
        """Drains the output until the child exits; returns its exit status."""
        deadline = time.monotonic() + DEADLINE_SECONDS
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                return os.waitstatus_to_exitcode(status)
            ready, _, _ = select.select([self.fd], [], [], 0.2)
            if ready:
                try:
                    self.seen += os.read(self.fd, 4096)
                except OSError:
                    pass
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        raise AssertionError(f"chat did not exit:\n{self.transcript()}")


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:{directory}/chat.db"
        generated = subprocess.run([binary, "generate", "--videos", "30", "--creators", "5", "--seed", "3"],
                                   check=True, capture_output=True)
        subprocess.run([binary, "--db", url, "load", "-"], input=generated.stdout, check=True, capture_output=True)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "xterm", "LANG": "C.UTF-8",
               "HOME": directory, "VIDEOBOT_PLANNER": "rules", "LLM_API_KEY": ""}
        terminal = Terminal([binary, "--db", url, "--now", "2025-12-02T12:00:00Z", "chat"], env)
        at = terminal.wait_for("> ")
        # A typo fixed by moving left four times: «сисеме?» becomes «системе?».
        terminal.type("Сколько всего видео есть в сисеме?")
        terminal.type("\x1b[D" * 4)
        terminal.type("т\r")
        at = terminal.wait_for("30\r\n", at)
        assert "непонятное слово" not in terminal.transcript(), terminal.transcript()
        at = terminal.wait_for("> ", at)
        terminal.type("/help\r")
        at = terminal.wait_for("Примеры вопросов", at)
        at = terminal.wait_for("> ", at)
        # History: Up brings the question back; Enter answers it again.
        terminal.type("\x1b[A\x1b[A\r")
        at = terminal.wait_for("30\r\n", at)
        at = terminal.wait_for("> ", at)
        terminal.type("\x04")  # Ctrl-D on an empty line
        status = terminal.exit_status()
        assert status == 0, f"exit status {status}:\n{terminal.transcript()}"
        assert "^[[D" not in terminal.transcript(), terminal.transcript()
    print("chat in a pseudo-terminal: ok")


if __name__ == "__main__":
    main()
