import Foundation

/// How one fuzz input becomes several kmd files, so that grouping, fusion and imports are fuzzed too.
///
/// The bytes are split at every line `%%% NAME` (at most 8 files): the part before the first such line is
/// `m.kmd.json`; each later part is the file `NAME`, reduced to letters, digits, `.`, `_`, `-` and at most one
/// `/` (a sub-folder), and given the `.kmd.json` suffix when it lacks it. An input without the marker is one
/// file, so a plain kmd file is a seed as it is.
enum KmdFuzzInput {
    static let marker = Array("\n%%% ".utf8)
    static let maxFiles = 8

    static func files(from bytes: [UInt8]) -> [(path: String, bytes: [UInt8])] {
        var parts: [[UInt8]] = []
        var start = 0
        // memchr finds each newline, not a byte loop: the loop's compares were a tenth of the fuzzer's time.
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var i = 0
            while i + marker.count <= buffer.count, parts.count < maxFiles - 1,
                  let hit = memchr(base + i, Int32(marker[0]), buffer.count - marker.count + 1 - i) {
                i = base.distance(to: UnsafeRawPointer(hit))
                if buffer[i..<(i + marker.count)].elementsEqual(marker) {
                    parts.append(Array(bytes[start..<i]))
                    start = i + marker.count
                    i = start
                } else {
                    i += 1
                }
            }
        }
        parts.append(Array(bytes[start...]))
        var files: [(path: String, bytes: [UInt8])] = [("m.kmd.json", parts[0])]
        var used: Set<String> = ["m.kmd.json"]
        for (index, part) in parts.dropFirst().enumerated() {
            let newline = part.firstIndex(of: UInt8(ascii: "\n")) ?? part.endIndex
            var name = fileName(part[..<newline], index: index + 1)
            while !used.insert(name).inserted { name = "x" + name }
            files.append((name, Array(part[newline...].dropFirst())))
        }
        return files
    }

    private static func fileName(_ raw: ArraySlice<UInt8>, index: Int) -> String {
        var name = ""
        var slashes = 0
        for b in raw.prefix(48) {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                name.append(Character(Unicode.Scalar(b)))
            case UInt8(ascii: "."):
                if !name.hasSuffix(".") && !name.isEmpty && !name.hasSuffix("/") { name.append(".") }
            case UInt8(ascii: "/"):
                if slashes == 0 && !name.isEmpty && !name.hasSuffix(".") { name.append("/"); slashes = 1 }
            default:
                break
            }
        }
        if name.isEmpty || name.hasSuffix("/") { name += "f\(index)" }
        return name.hasSuffix(".kmd.json") ? name : name + ".kmd.json"
    }
}
