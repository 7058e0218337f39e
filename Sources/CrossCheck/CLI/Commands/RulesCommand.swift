/// `crosscheck rules`: List every rule. (Not built yet.)
public enum RulesCommand: Command {
    public static let name = "rules"
    public static let summary = "List every rule"
    public static let help = "Usage: crosscheck rules ...\n\nList every rule."
    public static let spec = ArgumentSpec()
    public static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        throw .usage("crosscheck rules: not implemented yet")
    }
}
