"""Hostile HTML: nothing is fetched, no local file is read, no script runs, a bomb is defused.

Two guards watch for network use while a page is parsed: Python's sockets are patched to fail
and record any attempt, and a real TCP server on 127.0.0.1 that every external reference in the
page points to counts the connections it receives (this sees native code — libxml2, which
lxml wraps, has its own HTTP client — as well as Python).
"""

from __future__ import annotations

import socket
import threading

import pytest

import newslab
from newslab.errors import NewslabError

SECRET = "NEWSLAB-SECRET-7f3a9c"
BODY = ("<p>The council approved the new bridge on Monday after a long debate, the mayor "
        "said.</p>" * 4)


class Listener:
    """A TCP server on 127.0.0.1 that counts the connections it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def no_network(monkeypatch, listener):
    """Fail and record any socket use by Python code (the listener's own socket exists already)."""
    attempts: list[str] = []

    def refuse(name):
        def guard(*args, **kwargs):
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"newslab test: network use is not allowed ({name})")
        return guard

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    yield attempts
    assert listener.accepted == 0, "a connection reached the local server"
    assert attempts == [], attempts


def hostile_page(port: int, secret_path: str) -> str:
    url = f"http://127.0.0.1:{port}"
    return f"""<?xml version="1.0"?>
<!DOCTYPE html [
  <!ENTITY local SYSTEM "file://{secret_path}">
  <!ENTITY remote SYSTEM "{url}/entity.xml">
  <!ENTITY % param SYSTEM "{url}/param.dtd">
  %param;
]>
<html xmlns:xi="http://www.w3.org/2001/XInclude"><head>
<title>Bridge approved | Daily</title>
<meta http-equiv="refresh" content="0; url={url}/refresh">
<link rel="stylesheet" href="{url}/style.css">
<link rel="import" href="{url}/import.html">
<script src="{url}/app.js"></script>
<script>document.write("SCRIPT-OUTPUT-MARKER"); fetch("{url}/beacon");</script>
<style>@import url("{url}/more.css"); body {{ background: url({url}/bg.png) }}</style>
<base href="{url}/">
</head><body><article>
<h1>Bridge approved</h1>
<img src="{url}/photo.jpg" srcset="{url}/photo2.jpg 2x">
<iframe src="{url}/frame.html"></iframe>
<object data="{url}/object.swf"></object><embed src="{url}/embed.swf">
<xi:include href="file://{secret_path}" parse="text"/>
<p>Local entity: &local; Remote entity: &remote;</p>
{BODY}
<noscript><img src="{url}/pixel.gif"></noscript>
<svg><image href="{url}/svg.png"/><use href="{url}/sprite.svg#a"/></svg>
</article></body></html>"""


def _all_text(art) -> str:
    return art.text + " ".join(b.text for b in art.blocks) + repr(art.meta)


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def test_parse_html_fetches_nothing_reads_no_file_and_runs_no_script(no_network, listener,
                                                                     secret):
    art = newslab.parse_html(hostile_page(listener.port, str(secret)))
    assert "council approved the new bridge" in art.text
    assert SECRET not in _all_text(art)
    assert "SCRIPT-OUTPUT-MARKER" not in art.text


def test_load_article_reads_no_file_through_entities(no_network, listener, secret, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(hostile_page(listener.port, str(secret)), encoding="utf-8")
    art = newslab.load_article(page)
    assert SECRET not in _all_text(art)
    assert "council approved the new bridge" in art.text


def test_pasted_text_with_entities_is_only_text(no_network, listener, secret):
    text = f'<!ENTITY x SYSTEM "file://{secret}">\n\n&x; The mayor said the bridge is safe.'
    art = newslab.parse_text(text)
    assert SECRET not in _all_text(art)


def test_analysing_a_hostile_page_fetches_nothing(no_network, listener, secret, nlp):
    a = newslab.analyze(newslab.parse_html(hostile_page(listener.port, str(secret))), nlp=nlp)
    assert "the mayor" in " ".join(a.quotes["speaker"].dropna()).lower()
    assert SECRET not in " ".join(a.quotes["quote"])


def test_an_entity_bomb_is_not_expanded(no_network):
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    page = ("<?xml version=\"1.0\"?><!DOCTYPE html [" + "".join(levels) + "]><html><body>"
            + BODY + "<p>&lol9;</p></body></html>")
    try:
        art = newslab.parse_html(page)
    except NewslabError:
        return  # refusing the page is fine too
    assert "lollollol" not in art.text
    assert len(art.text) < 10 * len(page)


def test_a_quadratic_blowup_entity_is_not_expanded(no_network):
    big = "x" * 50_000
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "{big}">]><html><body>{BODY}<p>'
            + "&a;" * 2_000 + "</p></body></html>")
    try:
        art = newslab.parse_html(page)
    except NewslabError:
        return
    assert big not in art.text
