/// A JSON value read from a kmd file, with the source location of its first character.
///
/// Object members keep their order and their key locations, so that diagnostics can point at keys
/// and output can follow declaration order.
public struct JSONNode: Sendable, Hashable {
    public indirect enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        /// The number's source text (e.g. `0.04`, `-1e3`), kept exactly; use `JSONNode.double`/`int` to convert.
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    public struct Member: Sendable, Hashable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: JSONNode
        public init(key: String, keyLocation: SourceLocation, value: JSONNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The JSON type's name as users know it ("string", "object" …), for messages.
    public var kindName: String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public var string: String? { if case .string(let s) = value { s } else { nil } }
    public var bool: Bool? { if case .bool(let b) = value { b } else { nil } }
    public var array: [JSONNode]? { if case .array(let a) = value { a } else { nil } }
    public var members: [Member]? { if case .object(let m) = value { m } else { nil } }
    public var isNull: Bool { if case .null = value { true } else { false } }
    public var numberText: String? { if case .number(let n) = value { n } else { nil } }

    /// The first member with this key (objects only).
    public subscript(key: String) -> JSONNode? { members?.first { $0.key == key }?.value }
}
