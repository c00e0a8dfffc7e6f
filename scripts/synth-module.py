#!/usr/bin/env python3
"""Writes a synthetic kmd module for benchmarks: N concrete classes with M methods each, split over
one header file and one file per 100 classes.

usage: synth-module.py OUTPUT_DIR CLASSES [METHODS]
"""
import json
import os
import sys


def main() -> None:
    out, classes = sys.argv[1], int(sys.argv[2])
    methods = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    os.makedirs(out, exist_ok=True)
    name = "synth"
    header = {
        "name": name, "version": "1.0.0", "kurentoVersion": "^1.0.0",
        "complexTypes": [
            {"name": "Level", "typeFormat": "ENUM", "values": ["LOW", "MEDIUM", "HIGH"]},
            {"name": "Sample", "typeFormat": "REGISTER", "properties": [
                {"name": "value", "type": "double"}, {"name": "label", "type": "String", "optional": True,
                                                       "defaultValue": ""}]},
        ],
        "events": [{"name": "Tick", "extends": "Media", "properties": [{"name": "count", "type": "int64"}]}],
    }
    with open(os.path.join(out, f"{name}.kmd.json"), "w") as f:
        json.dump(header, f, indent=2)
    per_file = 100
    for start in range(0, classes, per_file):
        remote = []
        for i in range(start, min(start + per_file, classes)):
            remote.append({
                "name": f"Element{i}",
                "extends": "Filter" if i % 10 == 0 else f"Element{i - i % 10}",
                "doc": f"Synthetic element {i}.",
                "constructor": {"params": [{"name": "mediaPipeline", "type": "MediaPipeline"},
                                           {"name": "level", "type": "Level", "optional": True,
                                            "defaultValue": "LOW"}]},
                "properties": [{"name": f"gain{i}", "type": "float"}],
                "methods": [{"name": f"op{i}x{j}", "params": [
                    {"name": "a", "type": "int"}, {"name": "b", "type": "String[]"},
                    {"name": "c", "type": "Sample", "optional": True, "defaultValue": {"value": 1.5}}],
                    "return": {"type": "Sample<>" if j % 2 else "boolean"}} for j in range(methods)],
                "events": ["Tick"],
            })
        with open(os.path.join(out, f"{name}.Part{start // per_file:03d}.kmd.json"), "w") as f:
            json.dump({"remoteClasses": remote}, f, indent=2)


if __name__ == "__main__":
    main()
