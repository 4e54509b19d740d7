#!/usr/bin/python3
# Makes public/fonts/amtszeit-sans-*.woff2: Fira Sans (from @kern-ux/native)
# cut down to Latin-1 and common punctuation (German and English), renamed as
# the SIL Open Font License asks of modified fonts. 130 kB -> 17 kB a weight.
# Needs fontTools and brotli (Debian: apt-get install python3-fonttools python3-brotli).
# Run from the repository root after changing the KERN version: /usr/bin/python3 scripts/subset-fonts.py
from fontTools import subset
from fontTools.ttLib import TTFont

SRC = 'node_modules/@kern-ux/native/dist/fonts/fira-sans/'
UNICODES = (list(range(0x20, 0x7F)) + list(range(0xA0, 0x100)) +
            [0x2009, 0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E,
             0x2022, 0x2026, 0x202F, 0x2039, 0x203A, 0x20AC, 0x2212])

for weight in ['Regular', 'SemiBold']:
    opts = subset.Options()
    opts.flavor = 'woff2'
    opts.layout_features = ['kern', 'liga', 'calt', 'tnum', 'lnum']
    opts.name_IDs = ['*']
    font = TTFont(f'{SRC}FiraSans-{weight}.woff2')
    subsetter = subset.Subsetter(opts)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    for rec in font['name'].names:
        if rec.nameID in (1, 3, 4, 6, 16):
            rec.string = rec.toUnicode().replace('Fira Sans', 'Amtszeit Sans').replace('FiraSans', 'AmtszeitSans')
    font.flavor = 'woff2'
    font.save(f'public/fonts/amtszeit-sans-{weight.lower()}.woff2')
