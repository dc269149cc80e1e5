"""Operations both faces use: the app's tabs and the command line call these, never their
own copies, so the same stored records give the same result whichever face asks.

Qt-free (an import-linter contract): a face turns what these return into widgets or text.
"""
