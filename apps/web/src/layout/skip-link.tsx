import { useTranslation } from 'react-i18next';
import classes from './skip-link.module.css';

/** The first stop for keyboard users: jumps past the header and navigation to the page. */
export function SkipLink({ target }: { target: string }) {
  const { t } = useTranslation();
  return (
    <a
      className={classes.link}
      href={`#${target}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      {t('header.skipToContent')}
    </a>
  );
}
