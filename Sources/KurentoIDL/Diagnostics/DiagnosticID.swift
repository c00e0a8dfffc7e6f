/// The catalog of every diagnostic kidlc can print. Ids are stable: tests, suppressions and users rely on them.
///
/// Ranges: 1xx reading (lexical), 2xx decoding (shape of the document), 3xx assembling modules
/// (fusion, versions, imports), 4xx resolution and validation, 5xx input discovery and the command line.
public enum DiagnosticID: String, Sendable, Hashable, CaseIterable, Comparable {
    // MARK: Reader — errors
    case invalidUTF8 = "KIDL100"
    case unexpectedEndOfFile = "KIDL101"
    case unexpectedCharacter = "KIDL102"
    case emptyFile = "KIDL103"
    case nestingTooDeep = "KIDL104"
    case unterminatedString = "KIDL105"
    case invalidEscape = "KIDL106"
    case invalidNumber = "KIDL107"
    case trailingContent = "KIDL108"
    case unterminatedComment = "KIDL109"
    case unreadableFile = "KIDL110"
    // MARK: Reader — lenient constructs (warnings)
    case rawControlCharacter = "KIDL120"
    case comment = "KIDL121"
    case trailingComma = "KIDL122"
    case unquotedKey = "KIDL123"
    case singleQuotedString = "KIDL124"
    case nonStandardSeparator = "KIDL125"
    case duplicateKey = "KIDL126"

    // MARK: Decoder
    case unknownKey = "KIDL200"
    case wrongValueType = "KIDL201"
    case booleanAsString = "KIDL202"
    case nullValue = "KIDL203"
    case missingKey = "KIDL204"
    case invalidTypeReference = "KIDL205"
    case topLevelNotObject = "KIDL206"

    // MARK: Assembly: fusion, versions, imports
    case fieldInSeveralFiles = "KIDL300"
    case missingModuleName = "KIDL301"
    case missingVersion = "KIDL302"
    case missingKurentoVersion = "KIDL303"
    case invalidVersion = "KIDL304"
    case invalidVersionRange = "KIDL305"
    case importNotFound = "KIDL306"
    case importVersionMismatch = "KIDL307"
    case importCycle = "KIDL308"
    case releaseWithDevDependency = "KIDL309"
    case versionRangeNotConvertible = "KIDL310"
    case duplicateModule = "KIDL311"
    case orphanFile = "KIDL312"
    case conflictingValues = "KIDL313"
    case duplicateImport = "KIDL314"

    // MARK: Resolution and validation
    case unknownType = "KIDL400"
    case wrongKindOfType = "KIDL401"
    case inheritanceCycle = "KIDL402"
    case duplicateDeclaration = "KIDL403"
    case duplicateMethod = "KIDL404"
    case duplicateProperty = "KIDL405"
    case duplicateParam = "KIDL406"
    case duplicateEnumValue = "KIDL407"
    case concreteClassWithoutConstructor = "KIDL408"
    case abstractClassWithConstructor = "KIDL409"
    case requiredAfterOptional = "KIDL410"
    case defaultValueTypeMismatch = "KIDL411"
    case invalidEnumDefault = "KIDL412"
    case missingTypeFormat = "KIDL413"
    case unknownTypeFormat = "KIDL414"
    case invalidIdentifier = "KIDL415"
    case caseCollision = "KIDL416"
    case incompatibleOverride = "KIDL417"
    case enumShape = "KIDL418"
    case optionalConstructorParamWithoutDefault = "KIDL419"
    case defaultOnRequired = "KIDL420"
    case moduleNotImported = "KIDL421"
    case shadowsKurentoType = "KIDL422"
    case shadowsPrimitive = "KIDL423"
    case accessorCollision = "KIDL424"
    case emptyEnum = "KIDL425"

    // MARK: Inputs and command line
    case noInputFiles = "KIDL500"
    case pathNotFound = "KIDL501"

    public static func < (a: DiagnosticID, b: DiagnosticID) -> Bool { a.rawValue < b.rawValue }

    /// The severity a diagnostic of this id has unless the reporter says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .rawControlCharacter, .comment, .trailingComma, .unquotedKey, .singleQuotedString,
             .nonStandardSeparator, .unknownKey, .booleanAsString, .versionRangeNotConvertible,
             .shadowsKurentoType, .defaultOnRequired, .duplicateModule:
            return .warning
        default:
            return .error
        }
    }

    /// One line on what the diagnostic means; `kidlc explain` prints it.
    public var summary: String {
        switch self {
        case .invalidUTF8: "The file is not valid UTF-8."
        case .unexpectedEndOfFile: "The file ends in the middle of a value (truncated file)."
        case .unexpectedCharacter: "A character that cannot start or continue a JSON value here."
        case .emptyFile: "The file holds no JSON value."
        case .nestingTooDeep: "Arrays and objects nest deeper than the reader allows."
        case .unterminatedString: "A string has no closing quote."
        case .invalidEscape: "A backslash escape in a string is not valid JSON."
        case .invalidNumber: "A number is not written as JSON allows."
        case .trailingContent: "More text follows the top-level value."
        case .unterminatedComment: "A /* comment has no closing */."
        case .unreadableFile: "The file could not be read."
        case .rawControlCharacter: "A raw control character (such as a newline) inside a string; Kurento's reader accepts it."
        case .comment: "A comment (// # /* */); not standard JSON, accepted as Kurento does."
        case .trailingComma: "A comma before a closing bracket; ignored (Kurento's reader would add a null element)."
        case .unquotedKey: "An object key without quotes."
        case .singleQuotedString: "A string in single quotes."
        case .nonStandardSeparator: "`=`, `=>` or `;` used where JSON has `:` or `,`."
        case .duplicateKey: "A key appears twice in one object."
        case .unknownKey: "A key the kmd format does not define; it is ignored."
        case .wrongValueType: "A value of the wrong JSON type for its key."
        case .booleanAsString: "A boolean written as a string (\"true\"); accepted."
        case .nullValue: "A null where a value is required."
        case .missingKey: "A required key is missing."
        case .invalidTypeReference: "A type reference that is not `[module.]Name[[]|<>]`."
        case .topLevelNotObject: "The top-level value of a kmd file must be an object."
        case .fieldInSeveralFiles: "A module-level field is set in more than one file of a module."
        case .missingModuleName: "No file of the module declares `name`."
        case .missingVersion: "No file of the module declares `version`."
        case .missingKurentoVersion: "A module other than core, elements, filters needs `kurentoVersion`."
        case .invalidVersion: "A version is not semantic versioning (MAJOR.MINOR.PATCH[-pre][+build])."
        case .invalidVersionRange: "A version range does not parse."
        case .importNotFound: "An imported module is not among the inputs or on the search paths."
        case .importVersionMismatch: "The imported module found does not satisfy the required version range."
        case .importCycle: "Modules import each other in a cycle."
        case .releaseWithDevDependency: "A release module imports a development (-dev) version."
        case .versionRangeNotConvertible: "A version range has no Maven or npm equivalent."
        case .duplicateModule: "Two modules with the same name; the first one found is used."
        case .orphanFile: "A file without `name` that belongs to no module."
        case .conflictingValues: "Two files of one module give different values for the same field."
        case .duplicateImport: "A module is imported twice."
        case .unknownType: "A type name that no visible module defines."
        case .wrongKindOfType: "A type of the wrong kind (e.g. a class extending a record, a param typed as an event)."
        case .inheritanceCycle: "A type extends itself through its ancestors."
        case .duplicateDeclaration: "Two classes, types or events of a module share a name."
        case .duplicateMethod: "Two methods of a class share a name and a number of params."
        case .duplicateProperty: "Two properties share a name (also across inheritance)."
        case .duplicateParam: "Two params of one method share a name."
        case .duplicateEnumValue: "An enum lists a value twice."
        case .concreteClassWithoutConstructor: "A class that is not abstract has no constructor."
        case .abstractClassWithConstructor: "An abstract class declares a constructor."
        case .requiredAfterOptional: "A required param follows an optional one."
        case .defaultValueTypeMismatch: "A defaultValue does not have the declared type."
        case .invalidEnumDefault: "An enum defaultValue is not one of the enum's values."
        case .missingTypeFormat: "A complex type lacks `typeFormat`."
        case .unknownTypeFormat: "`typeFormat` is neither REGISTER nor ENUM."
        case .invalidIdentifier: "A name that is not an identifier (names become code and file names)."
        case .caseCollision: "Two names that differ only in letter case or underscores collide in generated code."
        case .incompatibleOverride: "A method redeclares an inherited one with another signature."
        case .enumShape: "An ENUM with properties or extends, or a REGISTER with values."
        case .optionalConstructorParamWithoutDefault: "An optional constructor param needs a defaultValue."
        case .defaultOnRequired: "A defaultValue on a param that is not optional is ignored."
        case .moduleNotImported: "A qualified type names a module that is not imported."
        case .shadowsKurentoType: "A local type has the name of a Kurento type; unqualified uses resolve to the local one."
        case .shadowsPrimitive: "A declaration is named like a primitive type."
        case .accessorCollision: "A method has the name of a property accessor (get<Prop>/set<Prop>)."
        case .emptyEnum: "An ENUM has no values."
        case .noInputFiles: "No *.kmd.json file was found in the given paths."
        case .pathNotFound: "A path given on the command line does not exist."
        }
    }
}
