import KurentoIDL

/// Names of the swift-client target: Swift modules, module types, and members that must not collide with
/// those every proxy inherits from `KurentoProxy`.
enum SwiftClientNaming {
    /// The Swift module of a kmd module's client code: `KurentoPlatformClient` for core, elements and filters,
    /// `Kurento<Name>Client` otherwise; a module given its own Swift module for the server (`swiftModules`)
    /// gets that name with `Client` added.
    static func swiftModule(of kmd: String, overrides: [String: String]) -> String {
        if let name = overrides[kmd] { return name + "Client" }
        return KurentoModules.contains(kmd) ? "KurentoPlatformClient" : "Kurento" + SwiftNaming.upperCamel(kmd) + "Client"
    }

    /// The client Swift module of every module of the schema.
    static func swiftModules(_ schema: Schema, overrides: [String: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: schema.modules.keys.map { ($0, swiftModule(of: $0, overrides: overrides)) })
    }

    /// `CoreClientModule`, or `CoreKurentoClientModule` when the module declares a type of that name.
    static func moduleTypeName(_ module: Module) -> String {
        let name = SwiftNaming.upperCamel(module.name) + "ClientModule"
        let declared = module.remoteClasses.map(\.name) + module.complexTypes.map(\.name) + module.events.map(\.name)
        return declared.contains(where: { SwiftNaming.typeName($0) == name })
            ? SwiftNaming.upperCamel(module.name) + "KurentoClientModule" : name
    }

    /// Properties every proxy has: a method or event accessor of one of these names is renamed.
    static let inheritedProperties: Set<String> = [
        "id", "client", "description", "reference", "kurentoReference", "hashValue", "kurentoTypeName", "kurentoQualifiedType",
    ]

    /// Functions every proxy (or proxy class) has.
    static let inheritedFunctions: Set<String> = [
        "release", "describe", "events", "subscribe", "create", "hash", "kurentoCreate", "kurentoInvoke", "kurentoDecode",
        "kurentoObject", "kurentoObjects",
    ]
}
