import type { Catalogue, PluralsRussian } from '../catalogue.ts';

type Text = Catalogue<PluralsRussian>;

/** Оповещение о доле попаданий в кэш по-русски: карточка на странице «Уведомления» и панель «Обзора». */
export const cacheHitRateCardRu = {
  baselineRule:
    'База: прошлые дни, иначе сегодняшний день до окна, иначе предыдущее окно — первая выборка того же вида (подходящие или все) с достаточным числом запросов.',
  anomalyRule:
    'Аномалия: доля ниже порога или упала относительно базы не меньше чем на абсолютное И на относительное падение.',
  windowMode: 'Окно',
  windowModeDescription:
    'За какой период считается текущая доля. «Авто» выбирает по интервалу проверки: до 5 мин → 5 мин, до 30 → 30 мин, до 60 → 1 ч, больше → 1,5 ч.',
  windowNow: 'Сейчас: {{window}}.',
  windows: {
    auto: 'Авто',
    '5m': '5 мин',
    '30m': '30 мин',
    '1h': '1 ч',
    '90m': '1,5 ч',
  },
  checkInterval: 'Интервал проверки (минуты)',
  checkIntervalDescription: '1–1440. Как часто идёт проверка для адресатов без собственного cron.',
  lookbackDays: 'Глубина истории (дни)',
  lookbackDaysDescription: '1–90. Сколько полных дней до сегодняшнего составляют историческую базу.',
  cooldownMinutes: 'Пауза (минуты)',
  cooldownMinutesDescription:
    '0–1440, 0 — без паузы. Пара провайдер × модель оповещает каждого адресата раз за паузу; повторы считаются подавленными.',
  absMinPercent: 'Нижний порог доли (%)',
  absMinPercentDescription: '0–100 %. Доля ниже этого порога — аномалия, есть база или нет.',
  dropAbsPercent: 'Абсолютное падение (п. п.)',
  dropAbsPercentDescription: '0–100. Насколько доля должна опуститься ниже базы: 60 % → 45 % — это 15 п. п.',
  dropRelPercent: 'Относительное падение (% от базы)',
  dropRelPercentDescription: '0–100 %. Падение как доля от базы: 60 % → 45 % — это 25 %.',
  minEligibleRequests: 'Минимум подходящих запросов',
  minEligibleRequestsDescription:
    '1–100000. Подходящие запросы — следующие запросы сессии в пределах TTL кэша; если их меньше, берутся все запросы, если и тех меньше, пара пропускается.',
  minEligibleTokens: 'Минимум подходящих токенов',
  minEligibleTokensDescription:
    '0–2147483647. Сколько входных токенов (обычные, запись в кэш и чтение из кэша) нужно выборке.',
  topN: 'Первые N',
  topNDescription: '1–100. Не больше стольких аномалий за проверку, начиная с самых сильных падений.',
} satisfies Text['notificationsPage']['cacheHitRate'];

export const cacheHitRateOverviewRu = {
  title: 'Доля попаданий в кэш',
  description: 'Каждая пара провайдер × модель в текущем окне оповещения рядом с базой, с которой её сравнивают.',
  window: 'Окно {{window}}: {{start}} – {{end}}',
  providerModel: 'Провайдер / модель',
  current: 'Сейчас',
  baseline: 'База',
  change: 'Изменение',
  anomaly: 'Аномалия',
  points: '{{value}} п. п.',
  unknownProvider: 'Провайдер #{{id}}',
  kinds: {
    eligible: 'подходящие',
    overall: 'все',
  },
  sources: {
    historical: 'история',
    today: 'сегодня',
    prev: 'предыдущее окно',
  },
  sample: '{{kind}} · запросов: {{requests}} · токенов: {{tokens}}',
  noBaseline: 'Нет базы',
  noBaselineHint: 'Действует только порог',
  noModel:
    'В текущем окне нет использования с моделью. Чтобы здесь появилась доля попаданий, хаб должен передавать model в каждой записи, а также sessionId и requestSequence, чтобы следующие запросы считались подходящими.',
  noSample:
    'В этом окне есть использование, но ни одна пара провайдер × модель ещё не набрала минимальную выборку оповещения.',
} satisfies Text['overviewPage']['cacheRates'];
