## The home page.

home-title = Your neighbourhood, together
home-intro = Square Mile helps neighbours see what their area already has, connect with each other, raise problems with the people who can fix them, and decide together how money is spent.
home-find-label = Find your neighbourhood
home-neighbourhoods = Neighbourhoods
home-join-title = Join in
home-join-text = Create an account to say where you live, join groups and take part.
