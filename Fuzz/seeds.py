#!/usr/bin/env python3
"""Writes the seed folders of the fuzz targets (run by scripts/fuzz.sh; output is not checked in).

kmd:      every *.kmd.json of the corpus (KIDL_CORPUS, default ../shared/kurento-idl) and of idl/; each corpus
          folder of several files as one multi-file input (see Fuzz/KmdFuzzer/KmdFuzzInput.swift); the
          inputs of the bad-input tests (the raw string literals of Tests/KurentoIDLTests/BadInput*.swift).
protocol: the frames of ../shared/kurento-wire/requests.jsonl, the examples of Fuzz/ProtocolFuzzer/seeds.txt
          (one input a line, `\\n` between the frames of a script).
"""
import glob, hashlib, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = b"\n%%% "


def write(folder, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def swift_raw_strings(text):
    """The contents of #\"\"\" … \"\"\"# literals, with the closing delimiter's indentation removed."""
    for m in re.finditer(r'#"""\n(.*?)\n([ \t]*)"""#', text, re.S):
        indent = m.group(2)
        lines = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in m.group(1).split("\n")]
        yield "\n".join(lines)


def kmd_seeds(out):
    corpus = os.environ.get("KIDL_CORPUS", os.path.join(ROOT, "..", "shared", "kurento-idl"))
    folders = {}
    for pattern in (os.path.join(corpus, "**", "*.kmd.json"), os.path.join(ROOT, "idl", "**", "*.kmd.json")):
        for path in sorted(glob.glob(pattern, recursive=True)):
            data = open(path, "rb").read()
            write(out, data)
            folders.setdefault(os.path.dirname(path), []).append((os.path.basename(path), data))
    for files in folders.values():
        if len(files) < 2:
            continue
        # The file that declares the module goes first (it becomes m.kmd.json).
        files.sort(key=lambda f: (b'"name"' not in f[1][:400], f[0]))
        data = files[0][1]
        for name, body in files[1:8]:
            data += MARKER + name.encode() + b"\n" + body
        write(out, data)
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests", "KurentoIDLTests", "BadInput*.swift"))):
        for literal in swift_raw_strings(open(path, encoding="utf-8").read()):
            write(out, literal.encode())


def protocol_seeds(out):
    wire = os.environ.get("KIDL_WIRE", os.path.join(ROOT, "..", "shared", "kurento-wire", "requests.jsonl"))
    if os.path.exists(wire):
        by_conn = {}
        for line in open(wire, encoding="utf-8"):
            if line.strip():
                record = json.loads(line)
                frame = json.dumps(record["frame"], separators=(",", ":")).encode()
                write(out, frame)
                by_conn.setdefault(record.get("conn"), []).append(frame)
        # Each connection's frames in order as one script (frames one a line).
        for frames in by_conn.values():
            for i in range(0, len(frames), 12):
                write(out, b"\n".join(frames[i:i + 12]))
    for line in open(os.path.join(ROOT, "Fuzz", "ProtocolFuzzer", "seeds.txt"), encoding="utf-8"):
        if line.strip() and not line.startswith("//"):
            write(out, line.rstrip("\n").replace("\\n", "\n").encode())


if __name__ == "__main__":
    target, out = sys.argv[1], sys.argv[2]
    {"kmd": kmd_seeds, "protocol": protocol_seeds}[target](out)
    print(f"seeds: {len(os.listdir(out))} files in {out}")
