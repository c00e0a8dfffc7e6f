/// The view models the c-shim templates render. Names, types, declarations and statements are computed in
/// Swift (CShimTranslator, CCodecPlanner); templates only place them.

struct CHeaderView {
    var banner: String
    var guardName: String
    var module: String
    var version: String
    var prefix: String
    var types: [CValueTypeView]
    var classes: [CClassView]
    var concreteClasses: [CClassView]
    var hasConcreteClasses: Bool
    var implementationType: String
    var implementationSymbol: String
    var emitters: [CEmitterView]
    var moduleFunction: String
}

/// An enum, record or event of the header, declared under guards so that several headers can declare it.
struct CValueTypeView {
    var name: String
    var doc: String
    var isEnum: Bool
    var constants: [CEnumConstantView]
    var fields: [CFieldView]
    /// Statements freeing what a record holds (`free(value->name);` …).
    var frees: [String]
}

struct CEnumConstantView {
    var name: String
    /// The kmd value as a C string literal.
    var literal: String
}

struct CFieldView {
    var doc: String
    /// `int32_t x;`, `char *name;`, `bool has_speaker_id;`
    var declaration: String
}

/// A struct of params (a constructor's or a method's).
struct CParamsStructView {
    var name: String
    var doc: String
    var fields: [CFieldView]
    var frees: [String]
    /// Statements decoding each param from `json` into `out`.
    var decodes: [String]
}

struct CClassView {
    var name: String
    var kmdName: String
    var doc: String
    var isConcrete: Bool
    var opsName: String
    /// The member of the module's implementation struct that points at this class's table.
    var implementationMember: String
    var paramStructs: [CParamsStructView]
    /// The function table: create, destroy, then the operations (inherited first).
    var ops: [COpView]
    /// The operations in the order `invoke` tries them.
    var dispatch: [COpView]
    var lookupFunction: String
    var qualifiedTypeLiteral: String
    // Class table entry of the .c.
    var kmdNameLiteral: String
    var extendsLiteral: String
    var eventLiterals: [String]
    var parentParamLiteral: String
    var isAbstractFlag: Int
}

/// One slot of a class's function table, and the static function of the .c that serves it.
struct COpView {
    var doc: String
    var declaration: String
    /// The operation's wire name (`showText`, `getName`), or empty for create/destroy.
    var operationLiteral: String
    /// `&& count == 2` for overloads, else empty.
    var countCondition: String
    var function: String
    /// The statements of the static function (between its braces).
    var body: [String]
    var isOperation: Bool
    var selfType: String
    var opsType: String
}

struct CEmitterView {
    var doc: String
    var function: String
    var eventType: String
    var eventTypeLiteral: String
    var encodeCodec: String
    /// Statements filling in `source`, `timestampMillis` and `type` when left NULL.
    var fills: [String]
    var needsTimestamp: Bool
}

/// What the .c needs besides the header's declarations: codecs, params decoding, class tables.
struct CSourceView {
    var banner: String
    var headerFile: String
    var module: String
    var prefix: String
    var moduleFunction: String
    var implementationSymbol: String
    var hasConcreteClasses: Bool
    var hasOperations: Bool
    /// Whether anything is decoded (the decoding helpers are then used).
    var decodes: Bool
    var usesPut: Bool
    var usesJSONText: Bool
    var codecs: CCodecSetView
    var paramStructs: [CParamsStructView]
    var classes: [CClassView]
    var concreteClasses: [CClassView]
    var emitters: [CEmitterView]
    var hasEmitters: Bool
    var needsTimestamp: Bool
    var kmdParts: [String]
    var nameLiteral: String
    var versionLiteral: String
    var classCount: Int
}

/// The codecs one .c defines: only those it uses (an unused static function is a warning).
struct CCodecSetView {
    var decodeBool = false, decodeInt = false, decodeInt64 = false, decodeFloat = false, decodeDouble = false
    var decodeString = false
    var encodeBool = false, encodeInt = false, encodeInt64 = false, encodeFloat = false, encodeDouble = false
    var encodeString = false
    var decodeObject = false
    var enumDecoders: [CNamedCodecView] = []
    var enumEncoders: [CNamedCodecView] = []
    var recordDecoders: [CRecordCodecView] = []
    var recordEncoders: [CRecordCodecView] = []
    var boxedDecoders: [CNamedCodecView] = []
    var listDecoders: [CContainerCodecView] = []
    var listEncoders: [CContainerCodecView] = []
    var mapDecoders: [CContainerCodecView] = []
    var mapEncoders: [CContainerCodecView] = []
    var objectDecoders: [CObjectCodecView] = []
    var objectListDecoders: [CObjectCodecView] = []
}

struct CNamedCodecView {
    var name: String
    var kmdNameLiteral: String
}

struct CRecordCodecView {
    var name: String
    var typeLiteral: String
    var moduleLiteral: String
    var isEvent: Bool
    var statements: [String]
}

struct CContainerCodecView {
    /// The C type (`kidl_string_list`, `demo_Point_map`) and the codec (`string_list`, `demo_Point_map`).
    var type: String
    var codec: String
    var elementCodec: String
}

struct CObjectCodecView {
    var codec: String
    var qualifiedTypeLiteral: String
    var classNameLiteral: String
}
