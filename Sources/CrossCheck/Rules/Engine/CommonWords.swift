/// A compact built-in vocabulary of common English words, for rules that judge single words.
///
/// The text-level rules (`merged-words`, `introduced-typo`) treat a word as known when the variant
/// set uses it elsewhere or it is listed here. The list holds function words and frequent general
/// words (no names); it is deliberately small: the variant set itself supplies the subject's vocabulary.
public enum CommonWords {
    /// Function words: articles, pronouns, prepositions, conjunctions, auxiliaries.
    public static let function: Set<String> = words("""
        a an the this that these those there here it its it's itself they them their theirs themselves we us our
        ours ourselves you your yours yourself he him his himself she her hers herself i me my mine myself who whom whose which what when where why how
        and or but nor so yet if then than as because while although though unless until since whether
        of in on at by for with from to into onto upon about above below over under between among through
        throughout during before after against within without along across around behind beyond near off out
        up down via per toward towards despite except like unlike
        is am are was were be been being do does did doing done have has had having will would shall should
        can could may might must not no yes also too very just only even still already again ever never
        all any both each every few many more most much other some such own same several either neither
        one two three four five six seven eight nine ten first second third last next
        """)

    /// Frequent general words (nouns, verbs, adjectives, adverbs), in base and common inflected forms.
    public static let frequent: Set<String> = words("""
        able access account act action active activity add added addition additional address advance advanced age agency ago
        agree agreed agreement ahead aid aim air allow allowed almost alone already alliance although always
        amount analysis analyst analysts analytics announce announced annual another answer appear application
        applications apply approach approved area areas arm art article artificial ask asked assets assistance
        assist assists associated attack attention authority auto automated automotive available average award
        awarded away back bad bank banks base based basis bear became become becomes began begin behind believe
        benefit best better big bill billion black blocked board body book border both bought brand break bring
        broad brought build building built business businesses buy call called camera cameras campaign can
        capacity capital car care career case cases cash cause center central centre century certain chain
        chairman challenge challenges chance change changed changes charge chief child children choice chip
        chips cities citizens city claim claimed claims class clear client clients close closed cloud code
        collaboration colleague collection come comes coming commercial commission committee common communication
        community companies company compared competition complete computer computing concern concerns condition
        conference connected consider considered consumer contact content continue continued contract control
        controlled core corporate corporation cost costs could council country countries county counties course court cover
        create created creating credit crime crisis critical current currently customer customers cut data date
        day days deal death decade decided decision deep defense degree delivered demand department describe
        described design designed despite detail details detection develop developed developer developers
        developing development device devices did died difference different difficult digital direct direction
        director disease display district division doctor document domestic draft drafting drive driver driving
        drop due early east economic economy edge education effect effects effort efforts election electric
        electronic else employee employees end ended energy engine engineering enough ensure enterprise
        enterprises entire entity environment environmental equipment establish established estate estimated
        even evening event events eventually every evidence exactly example exchange executive exist existing
        expand expanded expansion expect expected experience expert explain face facial facility fact factor
        fail failed fall family far fast federal feel field fight figure file filed final finally finance
        financial find fine firm firms fiscal fit floor focus focused follow followed following food force
        foreign form formal former formed found founded founder founders founding free friend full fund funded
        funding funds further future gain game general generation get give given global go goal goes going good
        government governments great grew ground group groups grow growing growth half hand happen hard head
        health hear heard heart held help high higher highest history hit hold holding home hope hospital hour
        house however huge human idea identify identity image images impact important improve include included
        includes including income increase increased independent index individual industrial industries
        industry influence information infrastructure initial initiative innovation inside instead institute
        institution institutions intelligence intelligent interest interests internal international internet
        investment investor investors involved issue issued issues item job jobs join joined joint key kind
        know knowledge known lab labor laboratory lack land language large largest late later latter launch launched
        law laws lead leader leaders leadership leading learn learning least leave led left legal less level
        life light likely limit limited line link list listed listing little live local located location long
        look lose loss lost lot low machine made main major majority make makes making manage management
        manager many market markets material matter mean means measure media medical meet meeting member members
        method middle might military million mind minister minute mission mobile model models modern money month
        months morning move moved movement name named nation national natural nature near nearly need network
        networks never new news next night none normal north note nothing notice number numbers offer offered
        office officer official officials often oil old once online open operate operating operation operations
        opportunity order organization organisation origin original others outside owned owner ownership page
        paid paper parent part partner partners partnership party pass past patient pay people per percent
        performance perhaps period person personal phone physical pick piece place plan planned plans platform
        platforms play player point police policy political poor popular population position positive possible
        potential power powered practice present president press pressure previous previously price prices
        primary prime private probably problem problems process processing produce product production products
        professor profit program programme programs project projects property protect provide provided provider
        provides providing public publicly purpose put quality question quickly quite raise raised range rate
        rather reach read ready real reality really reason receive received recent recently recognition record
        reduce region regional related relationship release released remain remains report reported reports
        represent require required research researchers resource resources response responsible rest result
        results retail return revenue review right rights rise risk road role room round rule rules run running
        safe safety said sale sales save say says scale school science scientific scientist scientists screen
        search season seat security see seek seem seen segment segments sell senior sense series serious serve
        service services set share shareholder shareholders shares short show showed side sign significant
        similar simple since single site situation size skill small smart social society software solution
        solutions someone something sometimes soon sort source sources south space speak special specific spend
        staff stage stake standard standards start started startup startups state stated statement states
        station status stay step stock stocks stop story strategic strategy street strong structure student
        students study subject subsidiary success successful suggest summer support supported surveillance
        system systems table take taken talk target task team teams technical technique technologies technology
        tell term terms test than thank theory thing things think though thought threat through time times
        today together told top total toward trade traditional traffic training transaction treatment trial
        true trust try turn type under understand union unit united university until use used user users using
        usually valuable valuation value valued values various version video view vision visual voice vote
        wait walk wall want war watch water way ways weapon week weeks well went west whether white whole wide
        widely win within woman women word work worked worker workers working works world worldwide worth write
        writer written wrong year years young
        """)

    /// Real words that split into two common words at a shared letter ("town" = "to" + "own",
    /// "forest" = "for" + "rest"), found by fusing every pair of listed words and keeping the real ones,
    /// and real words that `merged-words` would otherwise split with a rich vocabulary ("fellow" =
    /// "fell" + "low", "governor" = "govern" + "nor"), found by judging a frequency-ranked English word list.
    public static let lookalikes: Set<String> = words("""
        allot anew army aside atone atop beach beast bend bended billed billow bother bothers callow canine
        deeper fallow fasten fewest forest hedge height helper lackey listen lowest median newest non nonce
        oiled orange orate pastry roomy soften soil sold son sour sown tenor theme toil ton tone tour tout
        town viable walled wallow wedge weight wend whenever wherever willed willow wither withers
        abased abetter aboard abroad afield aground alight android apiece apolitical aright asocial aversion
        awhile byes championship eighteen endue examine fellow forage governor herein leonine linearly
        mustang parentheses partake partaken pastime publican republican restrain roundelay shallow shelves
        soothe straightforward therapist therein thereof thereon transcript transpire viand wastage wastepaper
        wino yourselves
        """)

    /// True when `lowered` is a function word, a frequent word or a known lookalike.
    public static func contains(_ lowered: String) -> Bool {
        function.contains(lowered) || frequent.contains(lowered) || lookalikes.contains(lowered)
    }

    /// True when `lowered` is a function word or a frequent word (not a lookalike): short words
    /// that may stand as one half of a fusion.
    public static func isPlainWord(_ lowered: String) -> Bool {
        function.contains(lowered) || frequent.contains(lowered)
    }

    private static func words(_ s: String) -> Set<String> {
        Set(s.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }
}
