import Foundation

/// The folder of kidl's own templates, one subfolder per target (`swift-server/` …).
public enum TemplateBundle {
    public static var directory: URL { Bundle.module.resourceURL! }
}
