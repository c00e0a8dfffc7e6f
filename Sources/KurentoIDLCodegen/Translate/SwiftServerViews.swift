/// The view models the swift-server templates render. Everything a template prints is computed here in
/// Swift (names, types, expressions); templates only place it. Property names are template variables.

struct ServerModuleView {
    var header: String
    var access: String
    var imports: [String]
    var moduleType: String
    /// The module name as a Swift string literal, and as plain text for comments.
    var kmdName: String
    var kmdNameRaw: String
    var version: String
    /// The fused kmd as a Swift raw multi-line string literal.
    var kmdLiteral: String
    var enums: [EnumView]
    var records: [RecordView]
    var events: [EventView]
    var classes: [ClassView]
    var concreteClasses: [ClassView]
    var hasConcreteClasses: Bool
    /// `chromaFilter: any ChromaFilter.Type, …`
    var moduleInitParams: String
}

struct EnumView {
    var doc: String
    var name: String
    var kmdNameLiteral: String
    var cases: [EnumCaseView]
}

struct EnumCaseView {
    var name: String
    var rawLiteral: String
}

/// A record field or event property.
struct FieldView {
    var doc: String
    var name: String
    var type: String
    var kmdNameLiteral: String
    /// `topRightCornerX _topRightCornerX: Swift.Int32`
    var initParam: String
    var internalName: String
    /// Reads the field from `fields`: `topRightCornerX: try fields.required(…)`.
    var decodeArgument: String
    /// Writes the field into `object`.
    var encodeStatement: String
}

struct RecordView {
    var doc: String
    var name: String
    var kmdNameLiteral: String
    var moduleLiteral: String
    var fields: [FieldView]
    var initParams: String
    var hasFields: Bool
}

struct EventView {
    var doc: String
    var name: String
    var kmdNameLiteral: String
    var fields: [FieldView]
    var initParams: String
    var hasFields: Bool
    /// For events that descend from core's `RaiseBase`: an init taking the source object and the event's own
    /// fields; the timestamp, the tags and the `type` of `Media` events are filled in.
    var hasRaiseBase: Bool
    var raiseInitParams: String
    var raiseInitArguments: String
}

struct ClassView {
    var doc: String
    var name: String
    var kmdNameLiteral: String
    /// `RemoteObject`, or the parent's protocol.
    var parentProtocol: String
    var isConcrete: Bool
    /// The `init` requirement of a concrete class, empty for abstract ones.
    var initRequirement: String
    var requirements: [RequirementView]
    var glueName: String
    var moduleLiteral: String
    var qualifiedTypeLiteral: String
    var hierarchyLiteral: String
    var eventTypesLiteral: String
    var cases: [DispatchCaseView]
    var hasCases: Bool
    /// Where unknown operations go: the parent glue's `invoke`, or the end of the chain.
    var fallback: String
    /// The module init's param for this class: `chromaFilter`.
    var implementationName: String
    /// `, parentParameter: "mediaPipeline"` when a constructor param names the parent, else empty.
    var parentArgument: String
    /// The factory's call of the implementation's init, arguments decoded from `params`.
    var factoryCall: String
    /// `emit` helpers for the events this class declares.
    var emitters: [EmitterView]
    var hasEmitters: Bool
}

/// One requirement line of a class protocol (a method or a property accessor), with its doc.
struct RequirementView {
    var doc: String
    var declaration: String
}

/// One `case` of a glue's dispatch switch.
struct DispatchCaseView {
    var pattern: String
    var body: [String]
}

struct EmitterView {
    var eventType: String
}

/// A starter implementation of one concrete class.
struct StarterView {
    var header: String
    var imports: [String]
    var className: String
    var protocolName: String
    var initDeclaration: String
    var members: [StarterMemberView]
}

struct StarterMemberView {
    var declaration: String
    var body: String
}
