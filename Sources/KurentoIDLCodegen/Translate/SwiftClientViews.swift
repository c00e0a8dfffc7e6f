/// The view models the swift-client templates render. As for the server, everything printed is computed in
/// Swift; templates only place it. Records, enums and events use the swift-server `types` and `events`
/// templates with a `ClientValuesView`, so that both sides have the same value types.

/// What the shared `types` and `events` templates read.
struct ClientValuesView {
    var header: String
    var access: String
    var imports: [String]
    var enums: [EnumView]
    var records: [RecordView]
    var events: [EventView]
}

struct ClientModuleView {
    var header: String
    var access: String
    var imports: [String]
    /// `CoreClientModule`: registers the module's proxy classes.
    var moduleType: String
    var kmdNameRaw: String
    var classes: [ClientClassView]
    /// Event type names, each made `KurentoEventDecodable`.
    var events: [String]
}

struct ClientClassView {
    var doc: String
    /// `open class`, or the access level's `class` for package/internal code.
    var classKeyword: String
    /// `open` or the access level, for overridable class members.
    var overridableAccess: String
    var name: String
    var superclass: String
    var typeNameLiteral: String
    var qualifiedTypeLiteral: String
    var moduleType: String
    /// One `create` pair for a concrete class, none for an abstract one.
    var creates: [ClientCreateView]
    var operations: [ClientOperationView]
    var eventAccessors: [ClientEventAccessorView]
}

struct ClientCreateView {
    var doc: String
    /// The params of the two forms: the client or the transaction, then the constructor's.
    var clientParams: String
    var transactionParams: String
    /// Lines that fill `params`.
    var statements: [String]
    /// `params`, or `[:]` for a constructor without params.
    var paramsArgument: String
}

/// A method or property accessor: the `async` call and its transaction form.
struct ClientOperationView {
    var doc: String
    var name: String
    /// The operation's name on the wire, for docs.
    var kmdName: String
    var operationLiteral: String
    /// The declaration's params (`sink _sink: MediaElement, …`), empty for none.
    var params: String
    /// The same after a transaction (`_ transaction: KurentoTransaction, sink _sink: …`).
    var transactionParams: String
    /// Lines that fill `params`, for operations that send `operationParams`.
    var statements: [String]
    /// `params`, or `nil` for operations without `operationParams`.
    var paramsArgument: String
    /// ` -> Swift.String`, or empty for void.
    var returnClause: String
    /// The body of the async form after the params.
    var callLines: [String]
    /// The transaction form's result type (`Swift.Void` for void).
    var resultType: String
    /// The transaction form's decoding closure.
    var decodeClosure: String
}

struct ClientEventAccessorView {
    var doc: String
    var name: String
    var eventType: String
}
