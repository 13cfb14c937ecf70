#!/usr/bin/env python3
"""Draw the app icons (public/icons/*.png) from the favicon's design: a
yellow road-sign diamond on the brand colour. Pure Python (zlib), no
downloads; run it again only when the design changes.

- icon-192.png, icon-512.png ("any"): the diamond fills most of the square.
- maskable-192.png, maskable-512.png: full-bleed background, the diamond
  inside the central safe zone (a circle of 80 % of the width), so that a
  launcher's mask never cuts it.
"""
import pathlib
import struct
import zlib

BRAND = (0x1D, 0x4E, 0x5F)
SIGN = (0xF4, 0xC9, 0x5D)
OUT = pathlib.Path(__file__).resolve().parent.parent / "public" / "icons"


def png(path, size, half_diagonal):
    """The diamond |x-c| + |y-c| <= half_diagonal * size, 4x4 samples a pixel."""
    c = size / 2
    r = half_diagonal * size
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter: none
        for x in range(size):
            inside = sum(
                abs(x + (i + 0.5) / 4 - c) + abs(y + (j + 0.5) / 4 - c) <= r
                for i in range(4)
                for j in range(4)
            ) / 16
            row += bytes(round(b * (1 - inside) + s * inside) for b, s in zip(BRAND, SIGN))
        rows.append(bytes(row))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    data = b"\x89PNG\r\n\x1a\n"
    data += chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
    data += chunk(b"IEND", b"")
    path.write_bytes(data)


OUT.mkdir(parents=True, exist_ok=True)
for size in (192, 512):
    png(OUT / f"icon-{size}.png", size, 0.36)
    png(OUT / f"maskable-{size}.png", size, 0.28)
