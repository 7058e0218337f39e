import CrossCheckCore
import CrossCheckAnalysis
/// A compact built-in vocabulary of common English words, for rules that judge single words.
///
/// The text-level rules (`merged-words`, `introduced-typo`) treat a word as known when the variant
/// set uses it elsewhere or it is listed here. The list holds function words and frequent general
/// words (no names); it is deliberately small: the variant set itself supplies the subject's vocabulary.
package enum CommonWords {
    /// Function words: articles, pronouns, prepositions, conjunctions, auxiliaries.
    package static let function: Set<String> = words("""
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
    package static let frequent: Set<String> = words("""
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
    package static let lookalikes: Set<String> = words("""
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

    /// Real words one slip (an inner letter dropped, doubled or swapped) from another real word:
    /// "ethic"/"ethnic", "ensue"/"ensure", "drives"/"derives", "plant"/"planet". `introduced-typo`
    /// never reports them; found by comparing the words of a frequency-ranked English word list
    /// (its 50,000 most frequent, checked against a spelling dictionary) with each other, less
    /// inflections and British/American spelling pairs, which the rule tells apart by itself.
    package static let nearMisses: Set<String> = words("""
        accused acetic aches aching action actions added addition additions additive adored adoring
        aesthetic aides aiding alight aline alteration amiable anger arose around asset astray
        automaton averse avert backboard backed backer backing backs bacon bagged bagging baked
        baker bakers bakes baking banana banded banding bands bandy banked banks bards bared barely
        baring barking barley barred barring based bases basing batted batting bawling beach beached
        beaches beaded beads beaker beaks beast beasts beating beech bellow below belted bender
        bending bends benefited benefiting benefitted benefitting beret beside bight biker binders
        binding binds biting bleed blooded blush boating bogged boiler bolder bonded bonding boned
        bonny booed booing books boomed booming booms booted booth booting border borders bother
        bothers bought bowed bower bowers bowing braking breath breed bride bring brunt bucking
        buffs bugle bulge bunch burnt bushes bushing buster busting buying cached caches caching
        cackling calms camber camped camping camps canal cancel candid canes cannon canon caper
        capers capped capping carbs cared caring carted carton cartoon carts carve carved carving
        carvings cased cases cashed cashing casing casings caste caster casters casting casts casual
        cataloging cater caters cation cations catty causal cause causes caved caves caving cease
        ceases cement chase chili chilli choose chose chucked chucking cider cinch clams cleaned
        cleaner cleaning clever climatic cloning closet clots coating cocked cocks coking collie
        colts combating combatting comic coming comma compete competed competes competing compiled
        compiles complaint compliant complied complies composing concave conducive cones confer
        confers congenial contact contacted contacting contacts continent cooked cooking cooks coped
        coping copped copper coppers copping coral cords cores corner corners corny corporal corps
        corral costing couch councillor councilor counsellor counselor county coupe courier couriers
        cover covert covet covey crabs cracking crate crates crave craved craving cravings created
        creation creed crises crony crops cunts cured curing curse curses cursing cuter cutter
        dabbing dairy dared daring dated dating death deceased decent deduced defect defected
        defection defied delete deleted deleting deletion dented depot derivation derive derived
        deriving desert deserts dessert desserts deter deuce devote diary dicey dicky dimer dimmer
        diner dings dingy dinner dipped dipping diver divers dives divided diving doing domed doomed
        dosed doves downed downing downs dragon dragoon dress drier drive drives driving ducking
        dumping dunks duped dying earthy eased eases easing emirate enrol enrollment enrolment ensue
        ensued ensuing entails eternal eternally ether ethic ethically except exert exerts exited
        exiting facet faction factional factions failing fairy faked fakes famed fared fares faring
        farmed farming farting fasting fated father fathered fathers fattening fatter faulty favor
        favored favoring favors felled felling fiction field fiend fiends fight fights filed files
        filet filing filings fillet fills finch fined finer fired fires fizzy flaked fleeing flies
        fling flings focused focusing focussed focussing fonts foods fords forge forging forgo
        formulae forth founder framed framing franchise freeing freeman freshen fried fries fright
        froth fulfil fulfillment fulfilment funded funding furry fusing fussing gable gains galley
        gallon gander gaping garage garish gasped gasping gasses gated gates gating gavel gazed
        gazing genial gentle gilding gills gliding gnome gnomes grader grandad granddad grander
        grated grating gravelly gravely grimy groove groped groping grove growing guerilla guerrilla
        gusty gutsy handed handing harder hardy harness hated hater haters hating hatter haven
        havens having heater heath heretic heritage heron hired hokey holly homey honed honesty
        honing hoped hoping hopped hopping horse hosted hosting hotel hotels humanly hunted hunting
        hunts hurling hurry hurting immoral immorality impeding imperious inane indeed indicted
        induced inert infarction infected infection infraction inking inline insect insects inset
        insolent installment installments instalment instalments insulted insulting interment
        jealousy joined kickers kinship laced lacing lager lander later lathe lather latte latter
        layer layers leaned leaner leaning liable license lighting lightning likable liked liking
        lined lineman linen liner lining lions liter litter loins loner longing loony loose looser
        loosing loser losing lovable lunch lunches lunge lunges lured luring lying macintosh maker
        makers making makings mamma manger manic manly maria marital marred martial martin mated
        matte matted meaner medal medial mediate mediated mediating mediation metal meted meter
        mined mining minster miser misled missed missing mister modesty money mooring moral morality
        morally mouse mousse movable mustache naive nested nether neural neuron neurons noose noting
        ordnance outage outed outer outing overeating overhead overly owing paced pacemaker paces
        pacing padding pained pains palms panes panned panning panting pants panty paper pared
        parley parted parting party pasty patent patently patents patsy patter pawns payable payed
        payer payers paying payoff payoffs peach peaches peasant peasants pease peeing perfect peter
        petty phase phased phases phasing phony picked picks piece pieced piecing piers piled piles
        pining pinning pints piping pizza place places plaid planing planning plant plate plated
        plating plied plies plots plying polar poplar popped popping posed poser posing posse posted
        potable potion potions potted potters potting power powered predicted prefect prelude preset
        price proof proper prostate prying pubic purse raced racing radial raged ragged raging raked
        raking rally raped raping rapped rapping rating realty rectal rector reedy reefer refer
        refuge regent regents reign reigned reigning reigns relay relayed relaying relays relied
        relies relive reliving relying remaking reminder renal repay repaying repel reply replying
        reset reside resin restated retaining retire retraining reuse reused reusing revel revere
        revered revving ridding rider riders riding riled ripping rises rising rogue rooster
        roosters roster rosters rotted rotting rouge rubble ruble runway runways rusting sable
        sacked sacking sacks sacred sages sails sales salon saloon salted salts salve sandal sandals
        sander sanding sands sappy satin savage saved saver saves saving savings savor saying
        scaling scare scared scaring scarred scarring scooping scoping scored scraped scraping
        scrapped scrapping sealing seals seared searing sears seated seating seats seeding seeds
        seedy seeing seeped seeping seeps selling sells selves semen sender sending sends sentient
        septic serve served serving setter setting sever sewed sewer sewers sewing sexist shank
        shard sharing shedding shill shine shines shogun shoot shred sicker sides sideshow siding
        sifted sifting sighed sighing sight sigma signed signer signers signing sills silver simmer
        simmering simulate simulated simulates simulating simulation singed singer singers singing
        single singles sings sinking sinks sinned sinner sinners sinning sipped sipping sited sites
        siting sitting sizable sized sizes sizing skilful skillful slash slashed slashes slashing
        slated slats slave slice sliced slicing slider slits sliver sloop smoother smother snoring
        sober socks soiled soils solder soldering soldier solider soothing sores sorted sorting
        sorts soured sowed sowing spare spared sparing sparking sparring speed spice spiced spied
        spilt spite spitting split spout spouting spring stain stained staining stains staked
        staking stale stand standing stands stare stared staring starling starred starring started
        starting state stated stating statue stave stayed staying steak steaks steam steamed steamer
        steamers steaming steed steely steep sting stinger stinging stings stoke stoked stokes stony
        stoop stored storing story stove strange string striped stripped stuck study stung subbed
        sucking sucks super supper surgeon surly swath swing tacked tacks tailed tailing tails taker
        takers taking tamed tamer taming tanked tanking tanks taped taper tapered tapering taping
        tapped tapping taser tasers tasted taster tasting tasty tending tends tenor there thicket
        thirty thong though three through ticked ticker ticket ticking tickle tickling ticks tiled
        tiling tilted timer tinge tinker tinned tinted tipped tipping tired tires titled tolling
        tolls tongs tonne tooting topic topical topics topped topping toting tough trace traced
        tracer tracing trade trading trail trails tranquility tranquillity transit trash trashed
        trashing tread treading treads treat treats treble trees trial trials tricking tried tries
        trill tripe trope trough trout trust trusting trusts tucker tucking tucks tuned tuner tuning
        tying unarmed underlie uniformed union united unlock unlocked untied usable vanish vermilion
        vermillion vertebrae vices violet wagging waging waking wales waned waning water waters
        waved waver waves waving weighed weighing welded welding welds wench whisky whoever wider
        widest widow widows wiggle wight wilful wilfully willful willfully wines winging worshiped
        worshiping worshipped worshipping wrath wring writing xviii xxiii yarns yogurt
        """)

    /// True when `lowered` is a function word, a frequent word or a known lookalike.
    package static func contains(_ lowered: String) -> Bool {
        function.contains(lowered) || frequent.contains(lowered) || lookalikes.contains(lowered)
    }

    /// True when `lowered` is a function word or a frequent word (not a lookalike): short words
    /// that may stand as one half of a fusion.
    package static func isPlainWord(_ lowered: String) -> Bool {
        function.contains(lowered) || frequent.contains(lowered)
    }

    private static func words(_ s: String) -> Set<String> {
        Set(s.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }
}
