/// A value type of the kmd format — primitive, record, enum, list or map — converted to and from the
/// Kurento protocol's JSON, with Kurento's marshalling errors.
public protocol KurentoValue: Sendable {
    /// Decodes from JSON. `path` names the value in errors (`'uri' parameter`, `'x' property`).
    init(kurento json: JSON, path: ValuePath, resolver: any ObjectResolver) throws(KurentoError)
    /// Encodes to JSON: records carry `__type__` and `__module__`.
    var kurentoJSON: JSON { get }
    /// What the JSON must be, for messages: "a string", "an integer" …
    static var kurentoTypeDescription: String { get }
}

/// Names a value in marshalling errors the way Kurento does: `'uri' parameter`, `'width' property`.
public struct ValuePath: Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
    public static func parameter(_ name: String) -> ValuePath { .init("'\(name)' parameter") }
    public static func property(_ name: String) -> ValuePath { .init("'\(name)' property") }
    public func element(_ index: Int) -> ValuePath { .init("element \(index) of \(description)") }
    public func entry(_ key: String) -> ValuePath { .init("entry '\(key)' of \(description)") }

    /// The standard error: `'uri' parameter should be a string`.
    public func mismatch<T: KurentoValue>(_ type: T.Type) -> KurentoError {
        .marshall("\(description) should be \(T.kurentoTypeDescription)")
    }
}

extension Bool: KurentoValue {
    public init(kurento json: JSON, path: ValuePath, resolver: any ObjectResolver) throws(KurentoError) {
        guard case .bool(let b) = json else { throw path.mismatch(Bool.self) }
        self = b
    }
    public var kurentoJSON: JSON { .bool(self) }
    public static var kurentoTypeDescription: String { "a boolean" }
}

extension String: KurentoValue {
    public init(kurento json: JSON, path: ValuePath, resolver: any ObjectResolver) throws(KurentoError) {
        guard case .string(let s) = json else { throw path.mismatch(String.self) }
        self = s
    }
    public var kurentoJSON: JSON { .string(self) }
    public static var kurentoTypeDescription: String { "a string" }
}

extension Int32: KurentoValue {
    public init(kurento json: JSON, path: ValuePath, resolver: any ObjectResolver) throws(KurentoError) {
        switch json {
        case .int(let i) where Int32(exactly: i) != nil: self = Int32(i)
        case .double(let d) where Int32(exactly: d) != nil: self = Int32(d)
        default: throw path.mismatch(Int32.self)
        }
    }
    public var kurentoJSON: JSON { .int(Int64(self)) }
    public static var kurentoTypeDescription: String { "an integer" }
}

extension Int64: KurentoValue {
    public init(kurento json: JSON, path: ValuePath, resolver: any ObjectResolver) throws(KurentoError) {
        switch json {
        case .int(let i): self = i
        case .double(let d) where Int64(exactly: d) != nil: self = Int64(d)
        default: throw path.mismatch(Int64.self)
        }
    }
    public var kurentoJSON: JSON { .int(self) }
    public static var kurentoTypeDescription: String { "an int64" }
}

extension Double: KurentoValue {
    public init(kurento json: JSON, path: ValuePath, resolver: any ObjectResolver) throws(KurentoError) {
        switch json {
        case .int(let i): self = Double(i)
        case .double(let d): self = d
        default: throw path.mismatch(Double.self)
        }
    }
    public var kurentoJSON: JSON { .double(self) }
    public static var kurentoTypeDescription: String { "a double" }
}

extension Float: KurentoValue {
    public init(kurento json: JSON, path: ValuePath, resolver: any ObjectResolver) throws(KurentoError) {
        self = Float(try Double(kurento: json, path: path, resolver: resolver))
    }
    public var kurentoJSON: JSON { .double(Double(self)) }
    public static var kurentoTypeDescription: String { "a double" }
}

extension Array: KurentoValue where Element: KurentoValue {
    public init(kurento json: JSON, path: ValuePath, resolver: any ObjectResolver) throws(KurentoError) {
        guard case .array(let items) = json else { throw path.mismatch(Self.self) }
        var result: [Element] = []
        result.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            result.append(try Element(kurento: item, path: path.element(i), resolver: resolver))
        }
        self = result
    }
    public var kurentoJSON: JSON { .array(map(\.kurentoJSON)) }
    public static var kurentoTypeDescription: String { "a list" }
}

extension Dictionary: KurentoValue where Key == String, Value: KurentoValue {
    public init(kurento json: JSON, path: ValuePath, resolver: any ObjectResolver) throws(KurentoError) {
        guard case .object(let members) = json else { throw path.mismatch(Self.self) }
        var result: [String: Value] = [:]
        for (key, value) in members {
            result[key] = try Value(kurento: value, path: path.entry(key), resolver: resolver)
        }
        self = result
    }
    public var kurentoJSON: JSON { .object(mapValues(\.kurentoJSON)) }
    public static var kurentoTypeDescription: String { "a map" }
}

/// An enum of the kmd format: a string among the declared values.
public protocol KurentoEnum: KurentoValue, RawRepresentable where RawValue == String {
    /// The kmd name of the enum, for "Invalid value for 'T'".
    static var kurentoTypeName: String { get }
}

extension KurentoEnum {
    public init(kurento json: JSON, path: ValuePath, resolver: any ObjectResolver) throws(KurentoError) {
        guard case .string(let s) = json else { throw path.mismatch(Self.self) }
        guard let value = Self(rawValue: s) else { throw .marshall("Invalid value for '\(Self.kurentoTypeName)'") }
        self = value
    }
    public var kurentoJSON: JSON { .string(rawValue) }
    public static var kurentoTypeDescription: String { "a string" }
}
