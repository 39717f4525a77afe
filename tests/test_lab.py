"""`make lab` from a fresh clone: JupyterLab serves the project root, its kernel runs every notebook,
and saving the executed notebooks (as JupyterLab does: contents API GET, run, PUT) leaves `git
status` clean. Runs as the current user and, when that is root, once more as a normal user."""
from __future__ import annotations

import asyncio
import json
import os
import pwd
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest

pytest.importorskip("jupyterlab", reason="JupyterLab is the `lab` extra (make setup installs it)")

from tornado.httpclient import HTTPRequest  # noqa: E402  (jupyterlab brings tornado)
from tornado.websocket import websocket_connect  # noqa: E402

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(sys.prefix)
NOTEBOOKS = ["timeline", "sources", "article"]
OUTPUT_TYPES = {"stream", "display_data", "execute_result", "error"}
TIMEOUT = 180


def _normal_user() -> pwd.struct_passwd | None:
    for entry in pwd.getpwall():
        if 1000 <= entry.pw_uid < 65534 and not entry.pw_shell.endswith(("nologin", "false")):
            return entry
    return None


def _as_user(request) -> pwd.struct_passwd | None:
    """None for the current user; the normal user to switch to (root only), or a skip."""
    if request.param == "current user":
        return None
    if os.geteuid() != 0:
        pytest.skip("not root: the current-user case is the normal-user case")
    user = _normal_user()
    if user is None:
        pytest.skip("no normal user on this machine")
    try:
        probe = subprocess.run([str(VENV / "bin" / "python"), "-c", "import jupyterlab, analysis"],
                               user=user.pw_uid, group=user.pw_gid, capture_output=True, text=True, cwd="/")
        problem = probe.stderr[-200:] if probe.returncode else ""
    except OSError as err:
        problem = str(err)
    if problem:
        pytest.skip(f"{user.pw_name} cannot run the test venv's Python: {problem}")
    return user


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """A JupyterLab server started by `make lab` in a fresh clone, reached through its REST API."""

    def __init__(self, base: Path, user: pwd.struct_passwd | None):
        self.clone, self.home, self.cache = base / "clone", base / "home", base / "cache"
        self.user, self.port, self.token = user, _free_port(), secrets.token_hex(16)
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(self.clone)], check=True)
        self.home.mkdir()
        if user is not None:
            subprocess.run(["chown", "-R", f"{user.pw_uid}:{user.pw_gid}", str(base)], check=True)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "PYTEST", "MAKE"))}
        self.env["HOME"] = str(self.home)
        self.log = base / "lab.log"

    @property
    def ids(self) -> dict:
        """``subprocess`` arguments that run a command as the test's user."""
        return {"user": self.user.pw_uid, "group": self.user.pw_gid} if self.user else {}

    def run(self, *cmd: str) -> subprocess.CompletedProcess:
        return subprocess.run(cmd, cwd=self.clone, env=self.env, capture_output=True, text=True, **self.ids)

    def start(self) -> None:
        args = (f"--no-browser --ip=127.0.0.1 --port={self.port} --ServerApp.port_retries=0 "
                f"--IdentityProvider.token={self.token}")
        cmd = ["make", "--no-print-directory", "-o", f"{VENV}/bin/analysis", f"VENV={VENV}", "lab",
               f"LAB_ARGS={args}"]
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(cmd, cwd=self.clone, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                         start_new_session=True, **self.ids)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"make lab exited: {self.log.read_text()[-2000:]}"
            try:
                self.api("GET", "/api/status")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        raise AssertionError(f"JupyterLab did not answer within 60 s: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        try:
            self.api("POST", "/api/shutdown")
            self.proc.wait(timeout=30)
        except Exception:   # noqa: BLE001  (whatever went wrong, the server must not outlive the test)
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def api(self, method: str, path: str, body: dict | None = None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None


@pytest.fixture(params=["current user", "normal user"])
def lab(request):
    user = _as_user(request)
    base = Path(tempfile.mkdtemp(prefix="lab-test-"))
    server = Lab(base, user)
    server.start()
    yield server
    server.stop()
    subprocess.run(["rm", "-rf", str(base)], check=False)


def _message(session: str, msg_type: str, content: dict, channel: str = "shell") -> dict:
    header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": session, "username": "test",
              "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "version": "5.3"}
    return {"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": channel,
            "buffers": []}


async def _request(ws, session: str, msg_type: str, content: dict) -> tuple[dict, list[dict]]:
    """Send one shell request; its reply and the iopub messages it caused, up to the kernel's idle."""
    msg = _message(session, msg_type, content)
    await ws.write_message(json.dumps(msg))
    reply, iopub, idle = None, [], False
    while reply is None or not idle:
        raw = await asyncio.wait_for(ws.read_message(), TIMEOUT)
        assert raw is not None, "the kernel websocket closed"
        got = json.loads(raw)
        if got.get("parent_header", {}).get("msg_id") != msg["header"]["msg_id"]:
            continue
        if got["channel"] == "shell":
            reply = got
        elif got["channel"] == "iopub":
            iopub.append(got)
            idle = idle or (got["msg_type"] == "status" and got["content"]["execution_state"] == "idle")
    return reply, iopub


async def _execute(lab: Lab, kernel_id: str, nb: dict) -> dict:
    """Run every code cell on the server's kernel and return the kernel's ``language_info``.
    After the parameters cell, the store goes to a temporary folder, as papermill injects parameters."""
    session = uuid.uuid4().hex
    url = f"ws://127.0.0.1:{lab.port}/api/kernels/{kernel_id}/channels?session_id={session}"
    ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {lab.token}"}))
    try:
        info, _ = await _request(ws, session, "kernel_info_request", {})
        for cell in (c for c in nb["cells"] if c["cell_type"] == "code"):
            reply, iopub = await _request(ws, session, "execute_request",
                                          {"code": cell["source"], "silent": False, "store_history": True,
                                           "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
            cell["outputs"] = [nbformat.v4.output_from_msg(m) for m in iopub if m["msg_type"] in OUTPUT_TYPES]
            cell["execution_count"] = reply["content"].get("execution_count")
            if "parameters" in cell["metadata"].get("tags", []):
                await _request(ws, session, "execute_request", {"code": f"store = {str(lab.cache)!r}",
                                                                "silent": True})
        return info["content"]["language_info"]
    finally:
        ws.close()


def _open_run_save(lab: Lab, name: str, spec: dict) -> dict:
    """What a user does in JupyterLab: open the notebook, run all cells, save. Returns what was saved."""
    path = f"notebooks/{name}.ipynb"
    nb = lab.api("GET", f"/api/contents/{path}?content=1&type=notebook")["content"]
    session = lab.api("POST", "/api/sessions", {"path": path, "type": "notebook", "name": name,
                                                "kernel": {"name": spec["name"]}})
    try:
        language_info = asyncio.run(_execute(lab, session["kernel"]["id"], nb))
    finally:
        lab.api("DELETE", f"/api/sessions/{session['id']}")
    # JupyterLab sets these two from the kernel when it connects, before any cell runs.
    nb["metadata"]["kernelspec"] = {"name": spec["name"], "display_name": spec["spec"]["display_name"],
                                    "language": spec["spec"]["language"]}
    nb["metadata"]["language_info"] = language_info
    lab.api("PUT", f"/api/contents/{path}", {"type": "notebook", "format": "json", "content": nb})
    return nb


def test_make_lab_runs_and_saves_every_notebook_without_changing_git(lab):
    listing = {item["name"] for item in lab.api("GET", "/api/contents")["content"]}
    assert {"notebooks", "seeds", "reports", "README.md"} <= listing, "the file browser is not at the project root"
    specs = lab.api("GET", "/api/kernelspecs")
    assert specs["default"] == "python3" and "python3" in specs["kernelspecs"]
    for name in NOTEBOOKS:
        saved = _open_run_save(lab, name, specs["kernelspecs"]["python3"])
        errors = [o for c in saved["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
        assert not errors, f"{name}: {errors[0]['ename']}: {errors[0]['evalue']}"
        on_disk = nbformat.read(lab.clone / "notebooks" / f"{name}.ipynb", as_version=4)
        assert any(c.get("outputs") for c in on_disk.cells), f"{name}: the executed notebook was not saved"
    status = lab.run("git", "status", "--porcelain")
    assert status.returncode == 0 and status.stdout == "", f"saving changed tracked files:\n{status.stdout}"
