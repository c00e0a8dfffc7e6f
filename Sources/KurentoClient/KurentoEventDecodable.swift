import KurentoRuntime

/// An event type the client can read from the `data` of an `onEvent`. Generated event types conform.
public protocol KurentoEventDecodable: KurentoEvent {
    init(kurento json: JSON, resolver: any ObjectResolver) throws(KurentoError)
}

extension KurentoEventDecodable {
    /// Reads an event's `data`; remote objects in it stay ids (`ObjectReference`).
    static func decode(_ data: JSON) throws(KurentoError) -> Self {
        try Self(kurento: data, resolver: NoObjects())
    }
}
