namespace LocalFlow.Analytics.Linking;

/// <summary>
/// Short forms and nicknames of English given names, written for LocalFlow. Each group lists a formal name and the
/// names people are commonly known by; two names are "nickname-equal" when some group holds both. A name may be in
/// several groups (BERT: Albert, Bertram, Herbert, Robert).
/// </summary>
public static class Nicknames
{
    private static readonly string[] Groups =
    [
        "ROBERT BOB BOBBY ROB ROBBIE ROBIN BERT BERTIE", "MARGARET PEGGY PEG MAGGIE MEG MEGAN MAGS MADGE MARGIE MAISIE GRETA RITA DAISY",
        "WILLIAM BILL BILLY WILL WILLIE WILLY LIAM", "ELIZABETH LIZ LIZZIE LIZA BETH BETTY BETSY BESS BESSIE ELIZA LIBBY ELSIE LISA ELISE ELLIE",
        "RICHARD DICK DICKIE RICK RICKY RICH RICHIE", "JAMES JIM JIMMY JAMIE JIMMIE", "JOHN JACK JOHNNY JOHNNIE JON",
        "MICHAEL MIKE MICK MICKY MICKEY MIKEY", "CATHERINE KATHERINE KATHRYN CATHRYN CATH KATH KATE KATIE KATY KAT CATHY KATHY KITTY KAY KIT",
        "THOMAS TOM TOMMY", "ANTHONY ANTONY TONY", "EDWARD ED EDDIE EDDY TED TEDDY NED", "CHARLES CHARLIE CHUCK CHAS CHAZ",
        "CHRISTOPHER CHRIS KIT TOPHER", "CHRISTINE CHRISTINA CHRIS CHRISSIE TINA KIRSTY KIRSTEN KRISTINA KRISTINE",
        "DANIEL DAN DANNY", "DAVID DAVE DAVY DAI", "JOSEPH JOE JOEY JOS", "JOSEPHINE JO JOSIE JOSIE", "SAMUEL SAM SAMMY",
        "SAMANTHA SAM SAMMY", "ALEXANDER ALEX ALEC SANDY ALEXANDRA ALEXA LEXI ZANDER", "ANDREW ANDY DREW", "PATRICK PAT PADDY PATSY",
        "PATRICIA PAT PATTY PATSY TRISH TRICIA", "NICHOLAS NICK NICKY NICO COLIN", "NICOLA NICOLE NICKY NIKKI",
        "STEPHEN STEVEN STEVE STEVIE", "PETER PETE", "TIMOTHY TIM TIMMY", "BENJAMIN BEN BENNY BENJI", "MATTHEW MATT MATTY",
        "JENNIFER JEN JENNY JENNI", "JANET JAN JANETTE JANICE JAN", "SUSAN SUE SUZY SUSIE SUSANNAH SUZANNE", "DEBORAH DEBBIE DEB DEBRA DEBS",
        "REBECCA BECKY BECCA BECS", "VICTORIA VICKY VICKI TORI VIC", "ALEXANDRA ALEX ALI LEXIE SANDRA", "ANNE ANN ANNIE ANNA NAN NANCY HANNAH",
        "MARY MOLLY POLLY MAE MAY MARIE MAMIE", "SARAH SARA SALLY SADIE", "HELEN HELENA ELLEN NELL NELLIE ELLIE LENA",
        "ELEANOR ELINOR NORA ELLIE NELL NELLIE LEONORA", "FRANCES FRAN FRANNIE FANNY FRANKIE", "FRANCIS FRANK FRANKIE",
        "GEORGE GEORDIE GEORGIE", "GEORGINA GEORGIE GINA", "HENRY HARRY HAL HANK", "HAROLD HARRY HAL", "ALBERT AL BERT BERTIE ALBIE",
        "HERBERT HERB BERT BERTIE", "ALFRED ALF ALFIE FRED FREDDIE", "FREDERICK FRED FREDDIE FREDDY FRITZ", "LAWRENCE LAURENCE LARRY LAURIE LOL",
        "LEONARD LEN LENNY LEO", "RAYMOND RAY", "RONALD RON RONNIE", "DONALD DON DONNIE", "KENNETH KEN KENNY", "GERALD GERRY JERRY GED",
        "GERARD GERRY GED", "TERENCE TERRY TEL", "THERESA TERESA TERRI TESS TESSA TERRY", "PHILIP PHILLIP PHIL PIP", "GREGORY GREG",
        "JONATHAN JON JONNY", "NATHAN NATHANIEL NAT NATE", "ZACHARY ZAC ZACK ZACH", "JOSHUA JOSH", "DOUGLAS DOUG DOUGIE",
        "MALCOLM MAL", "ABIGAIL ABBIE ABBY GAIL", "AMANDA MANDY MANDA", "BARBARA BARB BABS BARBIE", "CAROLINE CAROLYN CAROL CARRIE CARO",
        "CHARLOTTE CHARLIE LOTTIE LOTTIE CHAR", "DOROTHY DOT DOTTIE DOLLY DOT", "EMILY EMMY EM MILLIE", "EMMA EM EMMY",
        "GILLIAN JILLIAN GILL JILL GILLY", "JACQUELINE JACKIE JACQUI", "JESSICA JESS JESSIE JESSIE", "JULIA JULIE JULES JULIET",
        "KIMBERLEY KIMBERLY KIM", "LOUISE LOUISA LOU LULU", "MADELEINE MADELINE MADDIE MADDY", "MILDRED MILLIE MILLY",
        "NATALIE NATALIA NAT TALIA", "OLIVIA LIVVY LIV OLLIE", "OLIVER OLLIE OLLY NOLL", "PENELOPE PENNY", "ROSEMARY ROSE ROSIE",
        "SOPHIA SOPHIE SOPH", "STEPHANIE STEPH STEFFI", "VALERIE VAL", "WINIFRED WINNIE FREDA", "ISABEL ISABELLA ISOBEL IZZY BELLA ISSY",
        "ARCHIBALD ARCHIE", "AUGUSTUS GUS", "BERNARD BERNIE BERNI", "CAMERON CAM", "CLIFFORD CLIFF", "CYRIL CY", "DEREK DEL",
        "EUGENE GENE", "GABRIEL GABE GABBY", "GABRIELLE GABBY GABI", "IAN IAIN EAN", "JOAN JOANNE JOANNA JO", "KIERAN CIARAN KIERON",
        "SEAN SHAUN SHAWN", "SIOBHAN SHIVAUN", "NIAMH NEVE NEAVE", "OWEN OWAIN", "MEGAN MEGHAN MEG", "RHIANNON RHI", "GARETH GAZ GARY",
        "GARY GARRY GAZ", "MARTIN MARTY", "MAXWELL MAXIMILIAN MAX", "MATILDA TILLY TILLIE MAUD", "REGINALD REG REGGIE",
        "SIDNEY SYDNEY SID", "STANLEY STAN", "VINCENT VINCE VIN", "WALTER WALT WALLY", "WINSTON WINNIE", "YVONNE EVIE",
        "EVELYN EVIE EVE", "AGNES AGGIE NESSA", "ANGELA ANGIE ANGE", "CHERYL CHERIE", "CLARE CLAIRE CLARA", "ALISON ALLISON ALI",
        "LYNDA LINDA LYN LYNN", "SHARON SHAZ", "TRACEY TRACY TRACE", "DANIELLE DANI DANNI", "LEWIS LOUIS LOU", "MOHAMMED MOHAMMAD MUHAMMAD MOHAMED MO",
    ];

    private static readonly Dictionary<string, int[]> GroupsByName = Build();

    private static Dictionary<string, int[]> Build()
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Length; g++)
        {
            foreach (var name in Groups[g].Split(' '))
            {
                if (!map.TryGetValue(name, out var list))
                {
                    map[name] = list = [];
                }
                if (!list.Contains(g))
                {
                    list.Add(g);
                }
            }
        }
        return map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The groups a normalised (upper-case) given name belongs to; empty when it is in none.</summary>
    public static int[] GroupsOf(string normalisedName) => GroupsByName.TryGetValue(normalisedName, out var g) ? g : [];

    /// <summary>True when the two normalised given names differ but some group holds both (Bob and Robert, Peggy and Margaret).</summary>
    public static bool AreAlternatives(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0 || a == b)
        {
            return false;
        }
        return Shared(GroupsOf(a), GroupsOf(b));
    }

    /// <summary>True when some name of the groups starts with the letter ("A" for Amanda, whose group holds Mandy).</summary>
    internal static bool GroupHasInitial(int[] groups, char initial)
    {
        foreach (var g in groups)
        {
            foreach (var name in Names[g])
            {
                if (name[0] == initial)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static readonly string[][] Names = [.. Groups.Select(g => g.Split(' '))];

    /// <summary>
    /// True when the name is one keystroke (a letter wrong, added, dropped or two swapped) from a name of the groups
    /// other than <paramref name="except"/>: JOHR, a typo of John, where the other record says Jack.
    /// </summary>
    internal static bool OneKeystrokeFrom(string name, int[] groups, string except)
    {
        foreach (var g in groups)
        {
            foreach (var other in Names[g])
            {
                if (other != except && Math.Abs(other.Length - name.Length) <= 1
                    && (Similarity.OneEditApart(name, other) || Similarity.OneInsertApart(name, other)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    internal static bool Shared(int[] a, int[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Every group, each as its formal name followed by its short forms (for the documentation and the generator).</summary>
    public static IReadOnlyList<string[]> All => Groups.Select(g => g.Split(' ')).ToArray();
}
