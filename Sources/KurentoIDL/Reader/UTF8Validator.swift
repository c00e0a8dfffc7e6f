/// Finds the first ill-formed UTF-8 sequence in a buffer (Unicode Table 3-7: no overlongs, no surrogates,
/// nothing above U+10FFFF).
enum UTF8Validator {
    struct Failure: Equatable {
        /// Offset of the first byte of the ill-formed sequence.
        var offset: Int
        var reason: String
    }

    static func firstError(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Failure? {
        let n = bytes.count
        var i = start
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0x80...0xBF:
                return Failure(offset: i, reason: "unexpected continuation byte \(hex(lead)) (it does not follow a lead byte)")
            case 0xC0, 0xC1:
                return Failure(offset: i, reason: "byte \(hex(lead)) starts an overlong encoding")
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            case 0xF1...0xF3: length = 4
            default:
                return Failure(offset: i, reason: "byte \(hex(lead)) never appears in UTF-8")
            }
            for k in 1..<length {
                guard i + k < n else {
                    return Failure(offset: i, reason: "truncated multi-byte sequence: the file ends after \(sequence(bytes, i, i + k))")
                }
                let b = bytes[i + k]
                let range = k == 1 ? secondRange : 0x80...0xBF
                if range.contains(b) { continue }
                let what: String
                if k == 1, b >= 0x80, b <= 0xBF {
                    what = lead == 0xED ? "encodes a surrogate code point"
                        : lead == 0xF4 ? "encodes a code point above U+10FFFF" : "is an overlong encoding"
                    return Failure(offset: i, reason: "\(sequence(bytes, i, i + 2)) \(what)")
                }
                return Failure(offset: i, reason: "truncated multi-byte sequence: \(sequence(bytes, i, i + k)) is followed by \(hex(b))")
            }
            i += length
        }
        return nil
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 0xF)])
    }

    private static func sequence(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        (from..<to).map { hex(bytes[$0]) }.joined(separator: " ")
    }
}
