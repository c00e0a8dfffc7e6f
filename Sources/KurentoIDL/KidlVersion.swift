/// The version of kidl: of the tool, the templates and the runtime that generated code is checked against.
public enum KidlVersion {
    public static let current = "0.1.0"
}
