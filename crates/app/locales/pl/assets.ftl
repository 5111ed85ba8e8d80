## Mapa zasobów: kto widzi to, co ktoś zapisał.

assets-visibility-public = Wszyscy
assets-visibility-residents = Zweryfikowani mieszkańcy obszaru
assets-visibility-organisers = Tylko organizatorzy obszaru
field-item-visibility = Kto może to zobaczyć
field-visibility-hint = Mieszkańcy widzą to dopiero po weryfikacji (przez urzędnika albo kodem z listu); samo zgłoszenie, że tu mieszkasz, nie wystarczy. Organizatorzy obszaru widzą zawsze. Nikt nie widzi Twojego adresu e-mail.
