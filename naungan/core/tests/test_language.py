def test_indonesian_is_the_default_even_for_an_english_browser(client, db):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="id"' in response.content.decode()
    assert "Masuk untuk petugas" in response.content.decode()


def test_choosing_english_switches_the_interface(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    body = client.get("/accounts/login/").content.decode()
    assert '<html lang="en"' in body
    assert "Staff sign in" in body


def test_an_unknown_language_cookie_falls_back_to_indonesian(client, db):
    client.cookies["naungan_lang"] = "xx"
    assert "Masuk untuk petugas" in client.get("/accounts/login/").content.decode()
