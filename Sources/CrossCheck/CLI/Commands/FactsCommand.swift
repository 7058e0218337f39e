/// `crosscheck facts`: Claims each variant states. (Not built yet.)
public enum FactsCommand: Command {
    public static let name = "facts"
    public static let summary = "Claims each variant states"
    public static let help = "Usage: crosscheck facts ...\n\nClaims each variant states."
    public static let spec = ArgumentSpec()
    public static func run(_ arguments: ParsedArguments, _ context: inout CommandContext) throws(CrossCheckError) -> Int32 {
        throw .usage("crosscheck facts: not implemented yet")
    }
}
