/// Random (version 4) UUIDs in lowercase, as Kurento writes object, session and subscription ids. Made from the
/// system's random generator: Foundation's `UUID()` cost a tenth of a create+invoke+release cycle on Linux.
enum RandomUUID {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        // Version 4 in the high nibble of byte 6, variant 10 in the top bits of byte 8.
        let high = (generator.next() as UInt64) & ~0xF000 | 0x4000
        let low = (generator.next() as UInt64) & ~(0xC0 << 56) | (0x80 << 56)
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        func append(_ value: UInt64, nibbles: Int) {
            for i in stride(from: nibbles - 1, through: 0, by: -1) { text.append(digits[Int((value >> UInt64(4 * i)) & 0xF)]) }
        }
        append(high >> 32, nibbles: 8)
        text.append(UInt8(ascii: "-"))
        append(high >> 16, nibbles: 4)
        text.append(UInt8(ascii: "-"))
        append(high, nibbles: 4)
        text.append(UInt8(ascii: "-"))
        append(low >> 48, nibbles: 4)
        text.append(UInt8(ascii: "-"))
        append(low, nibbles: 12)
        return String(decoding: text, as: UTF8.self)
    }
}
