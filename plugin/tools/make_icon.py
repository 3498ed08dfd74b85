#!/usr/bin/env python3
"""Writes a 16x16 RGBA PNG node icon (standard library only): a rounded square in a colour with up to two letters.

usage: python3 make_icon.py OUT.png RRGGBB TEXT     e.g. python3 make_icon.py rdf.png 3a7bd5 gr
"""
import struct, sys, zlib

FONT = {  # 3x5 pixel glyphs
    'a': "010101111101101", 'b': "110101110101110", 'c': "011100100100011", 'd': "110101101101110",
    'e': "111100110100111", 'f': "111100110100100", 'g': "011100101101011", 'h': "101101111101101",
    'i': "111010010010111", 'j': "001001001101010", 'k': "101101110101101", 'l': "100100100100111",
    'm': "101111111101101", 'n': "110101101101101", 'o': "010101101101010", 'p': "110101110100100",
    'q': "010101101110011", 'r': "110101110101101", 's': "011100010001110", 't': "111010010010010",
    'u': "101101101101111", 'v': "101101101101010", 'w': "101101111111101", 'x': "101101010101101",
    'y': "101101010010010", 'z': "111001010100111", '0': "111101101101111", '1': "010110010010111",
    '2': "110001010100111", '3': "110001010001110", '4': "101101111001001", '5': "111100110001110",
}


def main(out, rgb, text):
    r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    px = [[(0, 0, 0, 0)] * 16 for _ in range(16)]
    for y in range(1, 15):
        for x in range(1, 15):
            corner = (x in (1, 14)) and (y in (1, 14))
            if not corner:
                px[y][x] = (r, g, b, 255)
    text = text.lower()[:2]
    x0 = 8 - (4 * len(text) - 1) // 2
    for k, ch in enumerate(text):
        glyph = FONT.get(ch, FONT['o'])
        for gy in range(5):
            for gx in range(3):
                if glyph[3 * gy + gx] == '1':
                    px[5 + gy][x0 + 4 * k + gx] = (255, 255, 255, 255)
    raw = b''.join(b'\x00' + b''.join(bytes(p) for p in row) for row in px)

    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)

    with open(out, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 16, 16, 8, 6, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


if __name__ == '__main__':
    main(*sys.argv[1:4])
