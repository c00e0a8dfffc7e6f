/// A remote object inside a value (a record field, an event property): on the wire, the object's id.
public struct ObjectReference: KurentoValue, Hashable, Codable, CustomStringConvertible {
    public var id: String

    public init(id: String) { self.id = id }
    public init(_ object: any RemoteObject) { self.id = object.objectContext.id }

    public init(kurento json: JSON, path: ValuePath, resolver: any ObjectResolver) throws(KurentoError) {
        guard case .string(let id) = json else { throw path.mismatch(Self.self) }
        self.id = id
    }
    public var kurentoJSON: JSON { .string(id) }
    public static var kurentoTypeDescription: String { "a string" }
    public var description: String { id }

    public init(from decoder: any Decoder) throws { id = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(id)
    }
}
