"""A session's video, as a link first and a player only on request.

The player address is worked out from the link itself, with no network call (Wagtail's
oEmbed finders would fetch the provider's page at render time). Only the hosts the site's
Content-Security-Policy lets into a frame are offered: YouTube's no-cookie player and
Vimeo's.
"""

import dataclasses
import re
from urllib.parse import parse_qs, urlsplit

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^[0-9]{1,12}$")


@dataclasses.dataclass(frozen=True)
class VideoPlayer:
    provider: str
    src: str


def video_player(url):
    """The embeddable player for a YouTube or Vimeo link, or None for any other link."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    segments = [segment for segment in parts.path.split("/") if segment]
    video_id = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if segments[:1] == ["watch"]:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        elif len(segments) == 2 and segments[0] in ("embed", "live", "shorts"):
            video_id = segments[1]
    elif host == "youtu.be" and len(segments) == 1:
        video_id = segments[0]
    if video_id and YOUTUBE_ID.match(video_id):
        return VideoPlayer("YouTube", f"https://www.youtube-nocookie.com/embed/{video_id}")
    if host in ("vimeo.com", "player.vimeo.com"):
        numeric = [segment for segment in segments if VIMEO_ID.match(segment)]
        if numeric:
            return VideoPlayer("Vimeo", f"https://player.vimeo.com/video/{numeric[-1]}")
    return None
