/// An error of the Kurento protocol: a numeric code, a message and the code's symbolic type
/// (reference §6.2). Generated glue and the runtime throw these; the transport sends them as JSON-RPC errors.
public struct KurentoError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Int
    public var message: String
    /// The symbolic name sent as `error.data.type`.
    public var type: String

    public init(code: Int, type: String, message: String) {
        self.code = code
        self.type = type
        self.message = message
    }

    public var description: String { "\(type) (\(code)): \(message)" }

    public static func marshall(_ message: String) -> Self { .init(code: 40001, type: "MARSHALL_ERROR", message: message) }
    public static func unexpected(_ message: String) -> Self { .init(code: 40003, type: "UNEXPECTED_ERROR", message: message) }
    public static func connect(_ message: String) -> Self { .init(code: 40004, type: "CONNECT_ERROR", message: message) }
    public static func unsupportedMediaType(_ message: String) -> Self { .init(code: 40005, type: "UNSUPPORTED_MEDIA_TYPE", message: message) }
    public static func notImplemented(_ message: String) -> Self { .init(code: 40006, type: "NOT_IMPLEMENTED", message: message) }
    public static func invalidSession(_ message: String) -> Self { .init(code: 40007, type: "INVALID_SESSION", message: message) }
    public static func malformedTransaction(_ message: String) -> Self { .init(code: 40008, type: "MALFORMED_TRANSACTION", message: message) }
    public static func notEnoughResources(_ message: String) -> Self { .init(code: 40009, type: "NOT_ENOUGH_RESOURCES", message: message) }
    public static func typeNotFound(_ message: String) -> Self { .init(code: 40100, type: "MEDIA_OBJECT_TYPE_NOT_FOUND", message: message) }
    public static func objectNotFound(_ message: String) -> Self { .init(code: 40101, type: "MEDIA_OBJECT_NOT_FOUND", message: message) }
    public static func constructorNotFound(_ message: String) -> Self { .init(code: 40104, type: "MEDIA_OBJECT_CONSTRUCTOR_NOT_FOUND", message: message) }
    public static func methodNotFound(_ message: String) -> Self { .init(code: 40105, type: "MEDIA_OBJECT_METHOD_NOT_FOUND", message: message) }
    public static func eventNotSupported(_ message: String) -> Self { .init(code: 40106, type: "MEDIA_OBJECT_EVENT_NOT_SUPPORTED", message: message) }
    public static func illegalParam(_ message: String) -> Self { .init(code: 40107, type: "MEDIA_OBJECT_ILLEGAL_PARAM_ERROR", message: message) }
    public static func notAvailable(_ message: String) -> Self { .init(code: 40108, type: "MEDIA_OBJECT_NOT_AVAILABLE", message: message) }
    public static func notFoundInTransaction(_ message: String) -> Self { .init(code: 40109, type: "MEDIA_OBJECT_NOT_FOUND_TRANSACTION_NO_COMMIT", message: message) }
    public static func tagKeyNotFound(_ message: String) -> Self { .init(code: 40110, type: "MEDIA_OBJECT_TAG_KEY_NOT_FOUND", message: message) }
    public static func operationNotSupported(_ message: String) -> Self { .init(code: 40111, type: "MEDIA_OBJECT_OPERATION_NOT_SUPPORTED", message: message) }
    public static func kmdNotFound(_ message: String) -> Self { .init(code: 40500, type: "UNDEFINED", message: message) }

    /// A module-specific error (codes 49000–49999, type UNDEFINED), for plugin authors.
    public static func custom(code: Int, _ message: String) -> Self { .init(code: code, type: "UNDEFINED", message: message) }
}
