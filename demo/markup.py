"""The light text markup of demo/texts/*.txt, parsed into StreamField data.

A file starts with `key: value` lines (title, slug, date, introduction...), then a blank
line and the body: paragraphs separated by blank lines, `## ` and `### ` headings,
`- ` bullet and `1. ` numbered lists, `> ` quotes (a last line starting `— ` is the
attribution) and tables:

    [table: caption]
    Header 1 | Header 2
    cell | item one; item two
    [/table]

(`; ` separates items listed in one cell).
"""

import re
from html import escape
from pathlib import Path

TEXTS_DIR = Path(__file__).resolve().parent / "texts"


def block(block_type, **value):
    """One StreamField block as stored: ``block("text", text="<p>...</p>")``."""
    return {"type": block_type, "value": value}


def read(relative_path):
    """(front matter dict, StreamField data) of one demo content file."""
    text = (TEXTS_DIR / relative_path).read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip()
    return meta, parse_body(body)


def _chunks(body):
    """Blank-line separated chunks, keeping each [table] ... [/table] in one chunk."""
    chunks, current, in_table = [], [], False
    for line in body.splitlines():
        if line.startswith("[table:"):
            in_table = True
        if not line.strip() and not in_table:
            if current:
                chunks.append(current)
                current = []
            continue
        current.append(line)
        if line.strip() == "[/table]":
            in_table = False
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _list_html(lines, tag):
    marker = r"^\s*- " if tag == "ul" else r"^\s*\d+\. "
    items = "".join(f"<li>{escape(re.sub(marker, '', line).strip())}</li>" for line in lines)
    return f"<{tag}>{items}</{tag}>"


def _table(lines):
    caption = lines[0][len("[table:") :].rstrip("]").strip()
    rows = [
        [cell.strip().replace("; ", "\n") for cell in line.split(" | ")]
        for line in lines[1:-1]
        if line.strip()
    ]
    table = {
        "table_caption": caption,
        "first_row_is_table_header": True,
        "first_col_is_header": True,
        "data": rows,
        "cell": [],
        "mergedCells": [],
    }
    return block("table", table=table)


def parse_body(body):
    blocks, html = [], []

    def flush_text():
        if html:
            blocks.append(block("text", text="".join(html)))
            html.clear()

    for lines in _chunks(body):
        first = lines[0]
        if first.startswith("### ") or first.startswith("## "):
            flush_text()
            level = "h3" if first.startswith("### ") else "h2"
            blocks.append(block("heading", text=first.lstrip("#").strip(), level=level))
            rest = lines[1:]
            if rest:
                html.append(f"<p>{escape(' '.join(rest))}</p>")
        elif first.startswith("[table:"):
            flush_text()
            blocks.append(_table(lines))
        elif first.startswith("> "):
            flush_text()
            attribution = ""
            if lines[-1].startswith("— "):
                attribution = lines.pop()[2:].strip()
            blocks.append(
                block("quote", quote=" ".join(line[2:] for line in lines), attribution=attribution)
            )
        elif all(re.match(r"^\s*- ", line) for line in lines):
            html.append(_list_html(lines, "ul"))
        elif all(re.match(r"^\s*\d+\. ", line) for line in lines):
            html.append(_list_html(lines, "ol"))
        else:
            html.append(f"<p>{escape(' '.join(line.strip() for line in lines))}</p>")
    flush_text()
    return blocks


def page_fields(relative_path, body_before=()):
    """(page fields, topics) from one seed text: its front matter (title, slug, date,
    author, introduction as a paragraph) and its body after ``body_before`` blocks. A body
    that opens with the introduction's paragraph loses it (the page shows it above)."""
    meta, body = read(relative_path)
    introduction = f"<p>{escape(meta['introduction'])}</p>"
    if body and body[0]["type"] == "text" and body[0]["value"]["text"].startswith(introduction):
        rest = body[0]["value"]["text"][len(introduction) :]
        body = ([block("text", text=rest)] if rest else []) + body[1:]
    fields = {"title": meta["title"], "introduction": introduction, "body": [*body_before, *body]}
    fields["slug"] = meta.get("slug") or Path(relative_path).stem
    for name in ("date", "author"):
        if name in meta:
            fields[name] = meta[name]
    topics = [topic.strip() for topic in meta.get("topics", "").split(",") if topic.strip()]
    return fields, topics
